import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from './cacheTags'

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

const KINDS = ARTICLE_LIST_TAGS
/** What every HTML page shows besides its subject: the kinds above, the masthead's date line and channel navigation, the footer's 网站设置. */
const PAGE = [...KINDS, CACHE_TAGS.dateLine, CACHE_TAGS.channels, CACHE_TAGS.siteSettings]
/** The route pattern's `:slug` becomes the article's own keys (`article:<slug>`, `neighbours:<slug>`). */
const ARTICLE_KEYS = [CACHE_TAGS.article(':slug'), CACHE_TAGS.neighbours(':slug'), ...PAGE]
const COLUMN_PAGE_KEYS = [CACHE_TAGS.column(':slug'), CACHE_TAGS.installments, ...PAGE]
const COLUMN_FEED_KEYS = [CACHE_TAGS.column(':slug'), CACHE_TAGS.installments, ...KINDS]
const HOME_KEYS = [CACHE_TAGS.home, ...PAGE]

/**
 * Reader routes (Next.js path patterns) and the cache tags of what they show, as far as the
 * address tells: an article page's related reading and its column's neighbours are not in its
 * address, so the cache tier refreshes those parts by `s-maxage` while Next.js's own cache,
 * tagged by the data each page read, refreshes them at once.
 */
export const READER_ROUTE_KEYS: { source: string; keys: readonly string[]; routeHandler?: boolean }[] = [
  // Only the front page shows the 热点排行, whose refresh purges it alone.
  { source: '/', keys: [...HOME_KEYS, CACHE_TAGS.mostRead] },
  { source: '/page/:page', keys: HOME_KEYS },
  { source: '/articles/:slug', keys: ARTICLE_KEYS },
  { source: '/articles/:slug/ninjs.json', keys: [CACHE_TAGS.article(':slug'), ...KINDS], routeHandler: true },
  // A feed's address matches the page rule below too: either rule's keys cover the feed (the page's also purge it when 网站设置 change).
  { source: '/columns/:slug/rss.xml', keys: COLUMN_FEED_KEYS, routeHandler: true },
  { source: '/columns/:slug/atom.xml', keys: COLUMN_FEED_KEYS, routeHandler: true },
  { source: '/columns/:slug/:path*', keys: COLUMN_PAGE_KEYS },
  { source: '/channels/:slug/:path*', keys: [CACHE_TAGS.channel(':slug'), ...PAGE] },
  { source: '/bylines/:slug/:path*', keys: [CACHE_TAGS.byline(':slug'), ...PAGE] },
  { source: '/tags/:slug/:path*', keys: [CACHE_TAGS.tag(':slug'), ...PAGE] },
  { source: '/regions/:slug/:path*', keys: [CACHE_TAGS.region(':slug'), ...PAGE] },
  // A day's archive links to that day's print edition when there is one.
  { source: '/archive/:date/:path*', keys: [CACHE_TAGS.day(':date'), CACHE_TAGS.edition(':date'), ...PAGE] },
  { source: '/print/:date', keys: [CACHE_TAGS.edition(':date'), ...PAGE] },
  { source: '/search', keys: [CACHE_TAGS.search, ...PAGE] },
  { source: '/rss.xml', keys: [CACHE_TAGS.feeds, ...KINDS], routeHandler: true },
  { source: '/atom.xml', keys: [CACHE_TAGS.feeds, ...KINDS], routeHandler: true },
  { source: '/sitemap.xml', keys: [CACHE_TAGS.sitemap], routeHandler: true },
  { source: '/sitemaps/:part', keys: [CACHE_TAGS.sitemap], routeHandler: true },
]

/** Paths no shared cache may ever keep: the admin, the API (sessions, drafts), previews. */
export const PRIVATE_PATHS = ['/admin/:path*', '/api/:path*', '/preview/:path*']

/**
 * Next.js header rules. Pages get their Cache-Control from Next.js itself (cached pages, search
 * results per query included: `s-maxage` + `stale-while-revalidate`; the few rendered per request,
 * such as a search with a bad parameter: `private, no-store`), so only route handlers get one here.
 */
export function httpCachingHeaderRules(): HeaderRule[] {
  const keyRules = READER_ROUTE_KEYS.map(({ source, keys, routeHandler }) => ({
    source,
    headers: [{ key: SURROGATE_KEY_HEADER, value: keys.join(' ') }, ...(routeHandler ? [{ key: 'Cache-Control', value: SHARED_CACHE_CONTROL }] : [])],
  }))
  const privateRules = PRIVATE_PATHS.map((source) => ({ source, headers: [{ key: 'Cache-Control', value: NEVER_SHARED_CACHE_CONTROL }] }))
  return [...keyRules, ...privateRules]
}
