// @ts-check
// Search results pages are rendered per request (the query is in the address), so Next.js
// marks them `private, no-store`, and the cache tier sent every search to the origin: in the
// 10,000-article `--cache` soak, 5,982 of 5,982 searches, a tenth of all reader requests, with
// the origin's one thread already full. Every anonymous reader gets the same page for the same
// address, so the cache tier may keep it a minute; a public change soft-purges it by its
// `search` surrogate key (src/publishing/httpCaching.ts) like every list of articles.

import { isAnonymousReaderRequest, requestPathname } from './admission.mjs'

/** What a search results page tells shared caches; browsers still ask every time. */
export const SEARCH_SHARED_CACHE_CONTROL = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60'

/**
 * Lets shared caches keep this response if it is a search results page answered 200 to an
 * anonymous reader; leaves every other response as Next.js writes it.
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 */
export function shareSearchResults(request, response) {
  if (!isAnonymousReaderRequest(request) || requestPathname(request) !== '/search') return
  const writeHead = response.writeHead
  response.writeHead = /** @type {typeof response.writeHead} */ (
    function (/** @type {number} */ statusCode, /** @type {any[]} */ ...rest) {
      if (statusCode === 200 && /\bprivate\b/.test(String(response.getHeader('cache-control') ?? ''))) response.setHeader('Cache-Control', SEARCH_SHARED_CACHE_CONTROL)
      return writeHead.call(response, statusCode, ...rest)
    }
  )
}
