// @ts-check
// Reader pages go out without Next.js's client runtime (src/publishing/hydrationScripts.mjs).
// Pages of Next.js's cache lose it once, when they enter the cache (the page cache handler,
// src/security/readerPageCacheHandler.mjs): their first reader, every later one, the response
// cache and the cache tier all get the page without it, and a hit costs nothing more. This
// module does the same for the reader pages Next.js renders per request and never caches
// (search results; a page rendered for a signed-in reader), in the production server, before
// the response cache keeps them: the whole response is held, decompressed when Next.js has
// compressed it, stripped and compressed again (≈1 ms for a search page, measured in
// docs/reader-site.md). Such a page is rendered per request anyway, at tens of milliseconds.
//
// Left alone: the admin, the API, Next.js's own files, live previews (/preview, whose live
// refresh is a client component), pages of Next.js's cache (already stripped, they say
// `X-Nextjs-Cache`), anything but HTML (feeds, JSON, RSC payloads), error pages other than 404,
// and Next.js's error shell (a 404 or a failed render that Next.js draws in the browser, which
// withoutHydrationScripts leaves whole).
import zlib from 'node:zlib'

import { withoutHydrationScripts } from '../src/publishing/hydrationScripts.mjs'
import { requestPathname } from './admission.mjs'

/** Paths whose pages need Next.js's client runtime, or that are no reader pages at all. */
const HYDRATED_PATH = /^\/(admin|api|_next|preview)(\/|$)/

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */

/**
 * Decides whether a response is a reader page to strip; pure, for the tests.
 * @param {{ method?: string; pathname: string | null; statusCode: number; headers: import('node:http').OutgoingHttpHeaders }} response
 */
export function isStrippableReaderPage({ method, pathname, statusCode, headers }) {
  if (method !== 'GET' || pathname === null || HYDRATED_PATH.test(pathname)) return false
  if (statusCode !== 200 && statusCode !== 404) return false
  if ('x-nextjs-cache' in headers) return false
  if (!/^text\/html\b/i.test(String(headers['content-type'] ?? ''))) return false
  return ['', 'identity', 'gzip', 'deflate'].includes(String(headers['content-encoding'] ?? '').trim().toLowerCase())
}

/**
 * @param {Buffer} body
 * @param {string} encoding
 * @returns {Buffer}
 */
function strippedBody(body, encoding) {
  const decode = encoding === 'gzip' ? zlib.gunzipSync : encoding === 'deflate' ? zlib.inflateSync : (/** @type {Buffer} */ b) => b
  const encode = encoding === 'gzip' ? zlib.gzipSync : encoding === 'deflate' ? zlib.deflateSync : (/** @type {Buffer} */ b) => b
  const html = decode(body).toString('utf8')
  const stripped = withoutHydrationScripts(html)
  return stripped.length === html.length ? body : encode(Buffer.from(stripped, 'utf8'))
}

/**
 * Holds `response` until it ends and strips Next.js's scripts from it when it turns out to be
 * a reader page rendered per request. Installed before Next.js handles the request, so Next.js's
 * compression writes through it.
 * @param {Request} request
 * @param {Response} response
 */
export function stripReaderPageScripts(request, response) {
  const pathname = requestPathname(request)
  if (request.method !== 'GET' || pathname === null || HYDRATED_PATH.test(pathname)) return
  const write = response.write
  const end = response.end
  const writeHead = response.writeHead
  /** @type {boolean | null} null until the headers are known */
  let holding = null
  /** @type {Buffer[]} */
  const chunks = []
  /** @type {string | undefined} */
  let statusMessage

  const decide = () => {
    if (holding === null) holding = isStrippableReaderPage({ method: request.method, pathname, statusCode: response.statusCode, headers: response.getHeaders() })
    return holding
  }

  // Each wrapper stays in place and passes calls on once the response turns out to be none of
  // ours: Next.js's compression wraps write and end over these, so they must not be swapped back.
  response.writeHead = /** @type {typeof response.writeHead} */ (
    function (/** @type {any[]} */ ...args) {
      const [statusCode, reasonOrHeaders, maybeHeaders] = args
      const headers = typeof reasonOrHeaders === 'object' ? reasonOrHeaders : maybeHeaders
      if (holding === null && (Array.isArray(headers) || response.headersSent)) {
        holding = false
      } else if (holding !== false) {
        // Applied now, sent later: the decision needs the content type and encoding.
        response.statusCode = statusCode
        if (typeof reasonOrHeaders === 'string') statusMessage = reasonOrHeaders
        if (headers) for (const [name, value] of Object.entries(headers)) if (value !== undefined) response.setHeader(name, value)
        if (decide()) return response
      }
      return writeHead.apply(response, /** @type {any} */ (args))
    }
  )
  response.write = /** @type {typeof response.write} */ (
    function (/** @type {any[]} */ ...args) {
      if (!decide()) {
        return write.apply(response, /** @type {any} */ (args))
      }
      collect(args[0], args[1])
      const callback = args.find((arg) => typeof arg === 'function')
      if (callback) process.nextTick(callback)
      return true
    }
  )
  response.end = /** @type {typeof response.end} */ (
    function (/** @type {any[]} */ ...args) {
      if (!decide()) {
        return end.apply(response, /** @type {any} */ (args))
      }
      collect(args[0], args[1])
      holding = false
      const callback = args.find((arg) => typeof arg === 'function')
      /** @type {Buffer} */
      let body = Buffer.concat(chunks)
      try {
        body = strippedBody(body, String(response.getHeader('content-encoding') ?? '').trim().toLowerCase())
      } catch (error) {
        console.error(`去除页面 ${request.url} 的 Next.js 脚本时出错，原样发送：`, error)
      }
      response.removeHeader('transfer-encoding')
      response.setHeader('content-length', String(body.length))
      writeHead.apply(response, /** @type {any} */ (statusMessage === undefined ? [response.statusCode] : [response.statusCode, statusMessage]))
      return end.call(response, body, callback)
    }
  )

  /** @param {unknown} chunk @param {unknown} encoding */
  function collect(chunk, encoding) {
    if (chunk == null || typeof chunk === 'function') return
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8')) : Buffer.from(/** @type {Uint8Array} */ (chunk)))
  }
}
