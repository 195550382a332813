// @ts-check
// The production server's own cache of whole reader responses (scripts/responseCache.mjs:
// search results pages). The server is not bundled with the app, and Next.js loads the page
// cache handler unbundled, so the cache is handed over on `globalThis`, under one name; outside
// the production server (scripts, tests, `next dev`) there is none.

const REGISTRY = Symbol.for('newsroom.originResponseCache')

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
