import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from './cache-tags'

/**
 * How reader responses are cached by a shared cache in front of the app (Varnish, a CDN):
 * which surrogate keys each route carries and how long a shared cache may keep it. The keys
 * are the cache-tag names the data module reads under, so purging a key forgets exactly what
 * Next.js's own revalidation forgets. Applied as Next.js header rules (next.config.ts): no
 * code runs per request.
 */
export const SURROGATE_KEY_HEADER = 'Surrogate-Key'

/**
 * How long a shared cache may serve a page stale while it fetches a fresh one (Next.js sends
 * `stale-while-revalidate` = this minus `s-maxage` on prerendered pages, see next.config.ts).
 * Purges on change make freshness independent of it; it keeps pages up when the origin is slow.
 */
export const SHARED_CACHE_EXPIRE_SECONDS = 86_400

/** For responses Next.js does not stamp itself (feeds, sitemaps: route handlers). */
export const SHARED_CACHE_CONTROL = `public, max-age=0, s-maxage=${REVALIDATE_SECONDS}, stale-while-revalidate=${SHARED_CACHE_EXPIRE_SECONDS - REVALIDATE_SECONDS}`
export const NEVER_SHARED_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate'

type Header = { key: string; value: string }
export type HeaderRule = { source: string; headers: Header[] }

const LISTS = ARTICLE_LIST_TAGS
/** The route pattern's `:slug` becomes the article's own key (`article:<slug>`). */
const ARTICLE_KEYS = [CACHE_TAGS.article(':slug'), ...LISTS]

/** Reader routes (Next.js path patterns) and the cache tags of what they show. */
export const READER_ROUTE_KEYS: { source: string; keys: readonly string[]; routeHandler?: boolean }[] = [
  { source: '/', keys: LISTS },
  { source: '/page/:page', keys: LISTS },
  // An article page also shows lists: the column's previous/next installment, related reading.
  { source: '/articles/:slug', keys: ARTICLE_KEYS },
  { source: '/articles/:slug/ninjs.json', keys: ARTICLE_KEYS, routeHandler: true },
  { source: '/columns/:slug/rss.xml', keys: LISTS, routeHandler: true },
  { source: '/columns/:slug/atom.xml', keys: LISTS, routeHandler: true },
  { source: '/columns/:path*', keys: [...LISTS, CACHE_TAGS.installments] },
  { source: '/bylines/:path*', keys: LISTS },
  { source: '/tags/:path*', keys: LISTS },
  { source: '/regions/:path*', keys: LISTS },
  { source: '/archive/:path*', keys: LISTS },
  { source: '/print/:path*', keys: LISTS },
  { source: '/search', keys: LISTS },
  { source: '/rss.xml', keys: LISTS, routeHandler: true },
  { source: '/atom.xml', keys: LISTS, routeHandler: true },
  { source: '/sitemap.xml', keys: LISTS, routeHandler: true },
  { source: '/sitemaps/:part', keys: LISTS, routeHandler: true },
]

/** Paths no shared cache may ever keep: the admin, the API (sessions, drafts), previews. */
export const PRIVATE_PATHS = ['/admin/:path*', '/api/:path*', '/preview/:path*']

/**
 * Next.js header rules. Pages get their Cache-Control from Next.js itself (prerendered pages:
 * `s-maxage` + `stale-while-revalidate`; dynamic ones such as search results with a query:
 * `private, no-store`), so only route handlers get one here.
 */
export function httpCachingHeaderRules(): HeaderRule[] {
  const keyRules = READER_ROUTE_KEYS.map(({ source, keys, routeHandler }) => ({
    source,
    headers: [{ key: SURROGATE_KEY_HEADER, value: keys.join(' ') }, ...(routeHandler ? [{ key: 'Cache-Control', value: SHARED_CACHE_CONTROL }] : [])],
  }))
  const privateRules = PRIVATE_PATHS.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: NEVER_SHARED_CACHE_CONTROL }] }))
  return [...keyRules, ...privateRules]
}
