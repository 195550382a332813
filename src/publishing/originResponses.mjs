// @ts-check
// Between Next.js's page cache handler (src/security/readerPageCacheHandler.mjs) and the
// production server's own cache of whole reader responses (scripts/responseCache.mjs): the tags
// each cached page carries, and every tag expired. The server is not bundled with the app and
// Next.js loads the handler unbundled, so both are kept on `globalThis`, under one name each;
// outside the production server (scripts, tests, `next dev`) no response cache is registered.

const REGISTRY = Symbol.for('newsroom.originResponseCache')
const PAGE_TAGS = Symbol.for('newsroom.cachedPageTags')
/** Paths whose tags are remembered; the oldest noted is forgotten first. */
const MAX_PAGES_NOTED = 20_000
/** Next.js 16 keys a cached page by its route and path: `/route-cache/APP_PAGE/<route hash>/$/articles/x`. */
const ROUTE_CACHE_KEY = /^\/route-cache\/[^/]+\/[^/]+\/\$(\/.*)$/

/** @typedef {{ purge: (keys: readonly string[]) => void }} OriginResponseCache */

/** @param {OriginResponseCache} cache the one public changes purge from now on */
export function registerOriginResponseCache(cache) {
  /** @type {Record<symbol, unknown>} */ (globalThis)[REGISTRY] = cache
}

/**
 * Forgets the server's kept responses that carry one of these surrogate keys (the reader cache
 * tags a public change expires).
 * @param {readonly string[]} keys
 */
export function purgeOriginResponses(keys) {
  const cache = /** @type {OriginResponseCache | undefined} */ (/** @type {Record<symbol, unknown>} */ (globalThis)[REGISTRY])
  cache?.purge(keys)
}

/** @returns {Map<string, string>} */
function notedPageTags() {
  const shared = /** @type {Record<symbol, Map<string, string> | undefined>} */ (globalThis)
  return (shared[PAGE_TAGS] ??= new Map())
}

/**
 * Remembers the tags Next.js keeps with a cached page or route response. Called on every read
 * of Next.js's page cache, so the tags are kept as Next.js stores them and split only when the
 * server keeps a response.
 * @param {string} cacheKey the page cache's key, whose path is `/index` for `/`
 * @param {string} tags as Next.js stores them, comma-separated
 */
export function noteCachedPageTags(cacheKey, tags) {
  const noted = notedPageTags()
  const pagePath = ROUTE_CACHE_KEY.exec(cacheKey)?.[1] ?? cacheKey
  noted.delete(pagePath)
  noted.set(pagePath, tags)
  for (const oldest of noted.keys()) {
    if (noted.size <= MAX_PAGES_NOTED) break
    noted.delete(oldest)
  }
}

/**
 * The tags of the cached page at a request's path, as last noted; null when none was.
 * @param {string} pathname as requested (percent-encoded)
 * @returns {readonly string[] | null}
 */
export function cachedPageTags(pathname) {
  let decoded
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  return notedPageTags().get(decoded === '/' ? '/index' : decoded)?.split(',').filter(Boolean) ?? null
}
