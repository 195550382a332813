// @ts-check
// Whole reader responses kept in the production server's memory (scripts/server.mjs), answered
// before the admission queue and without entering Next.js. Next.js's own page cache answers a
// kept page in 4–17 ms of the origin's one thread (its router, the cached entry's headers,
// gzip of up to 170 KB for the front page); from here it takes a Map lookup and a socket write.
// Search results, which Next.js renders per request, are kept the same way.
//
// A response is kept only as long as Next.js's own cache would give the same one: it is
// forgotten when a public change expires one of its tags (the page cache handler,
// src/security/readerPageCacheHandler.mjs, passes on every tag Next.js expires, at the moment
// it expires them), and after at most `maxAgeSeconds`, so time-based revalidation in Next.js
// shows here within that time. Its tags are those Next.js keeps with the page (every data read
// it made, as the handler last saw them) and its surrogate keys (the cache tier's names).

import { requestPathname } from './admission.mjs'

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {{ status: number; headers: import('node:http').OutgoingHttpHeaders; body: Buffer; keys: string[]; vary: [string, string][]; storedAt: number; expiresAt: number }} Entry */
/** @typedef {ReturnType<typeof createResponseCache>} ResponseCache */

export const RESPONSE_CACHE_DEFAULTS = Object.freeze({
  /** All entries together; an article page is about 15 KB compressed, the front page 40 KB. */
  maxBytes: 48 * 1024 * 1024,
  /** One response larger than this is not kept. */
  maxEntryBytes: 1024 * 1024,
  /** However long shared caches may keep a response, it is asked of Next.js again after this. */
  maxAgeSeconds: 60,
})

/** The response header whose value says whether this cache answered (tests, the soak). */
export const RESPONSE_CACHE_HEADER = 'x-origin-cache'

/** For a response rendered while a purge happened: readers get it, no cache keeps it. */
const UNSHAREABLE = 'private, no-cache, no-store, max-age=0, must-revalidate'

/** Says whether Next.js answered from its page cache (HIT, STALE) or rendered (MISS). */
const NEXT_CACHE_HEADER = 'x-nextjs-cache'

/**
 * @param {{ admits: (request: Request) => boolean; pageTags: (pathname: string) => readonly string[] | null; maxBytes?: number; maxEntryBytes?: number; maxAgeSeconds?: number; now?: () => number }} options
 *   `admits`: which requests may be answered from, and stored into, this cache; it must admit
 *   only requests that every anonymous reader would be answered alike. `pageTags`: the tags
 *   Next.js keeps with the cached page at this path, null when unknown (such a page is not kept).
 */
export function createResponseCache({ admits, pageTags, now = Date.now, ...limits }) {
  const { maxBytes, maxEntryBytes, maxAgeSeconds } = { ...RESPONSE_CACHE_DEFAULTS, ...limits }
  /** In least recently used order: an entry served is moved to the end. @type {Map<string, Entry>} */
  const entries = new Map()
  let bytes = 0
  // A render that began before a purge may hold what the purge was for, so it is not kept.
  let purgeCount = 0
  const counts = { hits: 0, misses: 0, stored: 0, purged: 0 }

  /** @param {string} key */
  function drop(key) {
    const entry = entries.get(key)
    if (!entry) return
    bytes -= entry.body.length
    entries.delete(key)
  }

  /**
   * Answers `request` from the cache and returns true, or returns false and, for a GET the
   * cache admits, keeps the response Next.js is about to write if it turns out shareable.
   * @param {Request} request
   * @param {Response} response
   */
  function serve(request, response) {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || !admits(request)) return false
    const key = cacheKey(request)
    const entry = entries.get(key)
    if (entry && entry.expiresAt > now() && entry.vary.every(([name, value]) => String(request.headers[name] ?? '') === value)) {
      entries.delete(key)
      entries.set(key, entry)
      counts.hits += 1
      const age = Math.floor((now() - entry.storedAt) / 1000)
      const replayed = { ...entry.headers, age: String(age), [RESPONSE_CACHE_HEADER]: 'HIT' }
      if (NEXT_CACHE_HEADER in replayed) replayed[NEXT_CACHE_HEADER] = 'HIT'
      // A browser revalidating the copy it has (the pages say max-age=0) needs no body.
      if (entry.headers.etag && request.headers['if-none-match'] === entry.headers.etag) {
        response.writeHead(304, replayed)
        response.end()
        return true
      }
      response.writeHead(entry.status, { ...replayed, 'content-length': String(entry.body.length) })
      response.end(request.method === 'HEAD' ? undefined : entry.body)
      return true
    }
    drop(key)
    counts.misses += 1
    if (request.method === 'GET') keepWhenShareable(key, request, response)
    return false
  }

  /**
   * @param {string} key
   * @param {Request} request
   * @param {Response} response
   */
  function keepWhenShareable(key, request, response) {
    const purgesAtStart = purgeCount
    /** @type {Buffer[]} */
    const chunks = []
    let size = 0
    /** @param {unknown} chunk @param {unknown} encoding */
    const collect = (chunk, encoding) => {
      if (chunk == null || typeof chunk === 'function' || size > maxEntryBytes) return
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, /** @type {BufferEncoding} */ (typeof encoding === 'string' ? encoding : 'utf8')) : Buffer.from(/** @type {Uint8Array} */ (chunk))
      size += buffer.length
      chunks.push(buffer)
    }
    const write = response.write
    const end = response.end
    const writeHead = response.writeHead
    response.setHeader(RESPONSE_CACHE_HEADER, 'MISS')
    // Nor may the cache tier keep it: Varnish refetches a page the moment it is purged, and a
    // render begun before the publication would be kept there as fresh with the old content.
    const unshareableIfPurged = (/** @type {unknown} */ headers) => {
      if (purgeCount === purgesAtStart || response.headersSent) return
      response.setHeader('cache-control', UNSHAREABLE)
      if (headers && typeof headers === 'object' && !Array.isArray(headers)) {
        for (const name of Object.keys(headers)) if (name.toLowerCase() === 'cache-control') /** @type {Record<string, unknown>} */ (headers)[name] = UNSHAREABLE
      }
    }
    response.writeHead = /** @type {typeof response.writeHead} */ (
      function (/** @type {any[]} */ ...args) {
        unshareableIfPurged(typeof args[1] === 'object' ? args[1] : args[2])
        return writeHead.apply(response, /** @type {any} */ (args))
      }
    )
    response.write = /** @type {typeof response.write} */ (
      function (/** @type {any[]} */ ...args) {
        unshareableIfPurged(null)
        collect(args[0], args[1])
        return write.apply(response, /** @type {any} */ (args))
      }
    )
    response.end = /** @type {typeof response.end} */ (
      function (/** @type {any[]} */ ...args) {
        unshareableIfPurged(null)
        collect(args[0], args[1])
        const result = end.apply(response, /** @type {any} */ (args))
        if (size <= maxEntryBytes && purgeCount === purgesAtStart) store(key, request, response, Buffer.concat(chunks))
        return result
      }
    )
  }

  /**
   * @param {string} key
   * @param {Request} request
   * @param {Response} response
   * @param {Buffer} body
   */
  function store(key, request, response, body) {
    const headers = response.getHeaders()
    const lifetimeSeconds = Math.min(sharedMaxAge(headers['cache-control']), maxAgeSeconds)
    // A stale page is being rendered anew behind it; the fresh one is kept on the next miss.
    if (response.statusCode !== 200 || headers['set-cookie'] || !lifetimeSeconds || headers[NEXT_CACHE_HEADER] === 'STALE') return
    const keys = new Set(String(headers['surrogate-key'] ?? '').split(/\s+/).filter(Boolean))
    if (NEXT_CACHE_HEADER in headers) {
      const pathname = requestPathname(request)
      const tags = pathname === null ? null : pageTags(pathname)
      if (!tags) return
      for (const tag of tags) keys.add(tag)
    }
    if (keys.size === 0) return
    /** @type {[string, string][]} */
    const vary = String(headers.vary ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name && name !== 'accept-encoding')
      .map((name) => [name, String(request.headers[name] ?? '')])
    const { [RESPONSE_CACHE_HEADER]: _marker, 'transfer-encoding': _chunked, 'content-length': _length, ...kept } = headers
    const storedAt = now()
    drop(key)
    entries.set(key, { status: 200, headers: kept, body, keys: [...keys], vary, storedAt, expiresAt: storedAt + lifetimeSeconds * 1000 })
    bytes += body.length
    counts.stored += 1
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break
      drop(oldest)
    }
  }

  /**
   * Forgets every response carrying one of `keys` (surrogate keys, the reader cache tags).
   * @param {readonly string[]} keys
   */
  function purge(keys) {
    if (keys.length === 0) return
    purgeCount += 1
    const named = new Set(keys)
    for (const [key, entry] of entries) {
      if (!entry.keys.some((entryKey) => named.has(entryKey))) continue
      drop(key)
      counts.purged += 1
    }
  }

  return { serve, purge, figures: () => ({ ...counts, entries: entries.size, bytes }) }
}

/**
 * What else the response depends on besides the address: Next.js compresses for readers who
 * accept it, and adds Strict-Transport-Security when the proxy in front says the reader came
 * over HTTPS (src/security/securityHeaders.ts). The request headers a response names in `Vary`
 * (Next.js's router asks for the same address with `RSC: 1` and gets its payload) are checked
 * per entry.
 * @param {Request} request
 */
function cacheKey(request) {
  return [request.headers['accept-encoding'] ?? '', request.headers['x-forwarded-proto'] ?? '', request.url ?? '/'].join('\n')
}

/**
 * How long a shared cache may keep a response, in seconds: its `s-maxage`, 0 without one or
 * when it is private. Next.js's cached pages say `s-maxage=…, stale-while-revalidate=…`.
 * @param {import('node:http').OutgoingHttpHeader | undefined} cacheControl
 */
function sharedMaxAge(cacheControl) {
  const value = String(cacheControl ?? '')
  if (/\b(private|no-store)\b/.test(value)) return 0
  return Number(/\bs-maxage=(\d+)/.exec(value)?.[1] ?? 0)
}
