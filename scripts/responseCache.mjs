// @ts-check
// Whole responses kept in the production server's memory (scripts/server.mjs) for pages Next.js
// renders per request although every anonymous reader is given the same one: search results,
// whose query is in the address. At 10,000 articles one results page costs the origin's thread
// 14–17 ms of rendering, a tenth of what readers ask for is a search, and most searches are
// for the same few words. Other reader pages are kept by Next.js's own page cache, which knows
// which data each one read. A kept response is forgotten when it expires (its `s-maxage`) or
// when a public change expires one of the cache tags it carries as surrogate keys: Next.js's
// page cache handler passes every tag it expires on (src/security/readerPageCacheHandler.mjs).

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */
/** @typedef {{ status: number; headers: import('node:http').OutgoingHttpHeaders; body: Buffer; keys: string[]; storedAt: number; expiresAt: number }} Entry */
/** @typedef {ReturnType<typeof createResponseCache>} ResponseCache */

export const RESPONSE_CACHE_DEFAULTS = Object.freeze({
  /** All entries together; a results page is about 10 KB compressed. */
  maxBytes: 16 * 1024 * 1024,
  /** One response larger than this is not kept. */
  maxEntryBytes: 1024 * 1024,
})

/** The response header whose value says whether this cache answered (tests, the soak). */
export const RESPONSE_CACHE_HEADER = 'x-origin-cache'

/**
 * @param {{ admits: (request: Request) => boolean; maxBytes?: number; maxEntryBytes?: number; now?: () => number }} options
 *   `admits`: which requests may be answered from, and stored into, this cache; it must admit
 *   only requests that every anonymous reader would be answered alike.
 */
export function createResponseCache({ admits, now = Date.now, ...limits }) {
  const { maxBytes, maxEntryBytes } = { ...RESPONSE_CACHE_DEFAULTS, ...limits }
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
    if (entry && entry.expiresAt > now()) {
      entries.delete(key)
      entries.set(key, entry)
      counts.hits += 1
      const age = Math.floor((now() - entry.storedAt) / 1000)
      response.writeHead(entry.status, { ...entry.headers, age: String(age), 'content-length': String(entry.body.length), [RESPONSE_CACHE_HEADER]: 'HIT' })
      response.end(request.method === 'HEAD' ? undefined : entry.body)
      return true
    }
    drop(key)
    counts.misses += 1
    if (request.method === 'GET') keepWhenShareable(key, response)
    return false
  }

  /**
   * @param {string} key
   * @param {Response} response
   */
  function keepWhenShareable(key, response) {
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
    response.setHeader(RESPONSE_CACHE_HEADER, 'MISS')
    response.write = /** @type {typeof response.write} */ (
      function (/** @type {any[]} */ ...args) {
        collect(args[0], args[1])
        return write.apply(response, /** @type {any} */ (args))
      }
    )
    response.end = /** @type {typeof response.end} */ (
      function (/** @type {any[]} */ ...args) {
        collect(args[0], args[1])
        const result = end.apply(response, /** @type {any} */ (args))
        if (size <= maxEntryBytes && purgeCount === purgesAtStart) store(key, response, Buffer.concat(chunks))
        return result
      }
    )
  }

  /**
   * @param {string} key
   * @param {Response} response
   * @param {Buffer} body
   */
  function store(key, response, body) {
    const headers = response.getHeaders()
    const lifetimeSeconds = sharedMaxAge(headers['cache-control'])
    if (response.statusCode !== 200 || headers['set-cookie'] || !lifetimeSeconds) return
    const { [RESPONSE_CACHE_HEADER]: _marker, 'transfer-encoding': _chunked, 'content-length': _length, ...kept } = headers
    const storedAt = now()
    drop(key)
    entries.set(key, { status: 200, headers: kept, body, keys: String(headers['surrogate-key'] ?? '').split(/\s+/).filter(Boolean), storedAt, expiresAt: storedAt + lifetimeSeconds * 1000 })
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
 * over HTTPS (src/security/securityHeaders.ts).
 * @param {Request} request
 */
function cacheKey(request) {
  return [request.headers['accept-encoding'] ?? '', request.headers['x-forwarded-proto'] ?? '', request.url ?? '/'].join('\n')
}

/**
 * How long a shared cache may keep a response, in seconds; 0 unless it is `public` with an
 * `s-maxage`.
 * @param {import('node:http').OutgoingHttpHeader | undefined} cacheControl
 */
function sharedMaxAge(cacheControl) {
  const value = String(cacheControl ?? '')
  if (!/\bpublic\b/.test(value) || /\b(private|no-store)\b/.test(value)) return 0
  return Number(/\bs-maxage=(\d+)/.exec(value)?.[1] ?? 0)
}
