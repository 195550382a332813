import { type HeaderRule, READER_ROUTE_KEYS } from '../publishing/httpCaching'
import { ADMIN_POLICY, CONTENT_SECURITY_POLICY_HEADER, DATA_POLICY } from './contentSecurityPolicy.mjs'

type Condition = { type: 'header'; key: string; value: string }
export type SecurityHeaderRule = HeaderRule & { has?: Condition[] }

const HSTS_MAX_AGE_SECONDS = 31_536_000

/**
 * Node.js serves plain HTTP, so HTTPS ends at a proxy in front (nginx, a load balancer, a CDN)
 * that says so in X-Forwarded-Proto, the header Next.js itself trusts for the request's
 * protocol. Strict-Transport-Security follows the request rather than the configured origin:
 * the origin is set at run time (SITE_URL, NEXT_PUBLIC_SERVER_URL) but header rules are fixed
 * by `next build`. Browsers ignore the header over plain HTTP, so a client that claims HTTPS
 * over HTTP gains nothing. When proxies chain, the first value is the reader's.
 */
const HTTPS_FORWARDED_PROTO = 'https(?:\\s*,.*)?'

/** Non-HTML reader responses: route handlers (feeds, sitemaps, ninjs) and robots.txt. */
const READER_DATA_PATHS = [...READER_ROUTE_KEYS.filter((route) => route.routeHandler).map((route) => route.source), '/robots.txt']

const policy = (value: string) => [{ key: CONTENT_SECURITY_POLICY_HEADER, value }]

/**
 * Security headers as Next.js header rules (next.config.ts): matched per request by Next.js's
 * router, with no code of ours running.
 *
 * Content-Security-Policy comes from one of three places per response, never two (a browser
 * enforces every policy it receives, so two would intersect):
 * - reader pages served from Next.js's cache: the cache handler stores a policy with the hashes
 *   of the page's inline scripts beside the page (readerPageCacheHandler.mjs);
 * - reader pages rendered per request (search, previews): proxy.ts, with a nonce;
 * - everything else: the rules below, by path.
 * The reader's pages include a catch-all at `/`, so the rules list the paths that are not
 * reader pages rather than the pages.
 */
export function securityHeaderRules(): SecurityHeaderRule[] {
  return [
    {
      source: '/:path*',
      headers: [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        // For browsers without CSP's frame-ancestors, which every policy here also sets.
        { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
      ],
    },
    {
      source: '/:path*',
      has: [{ type: 'header', key: 'X-Forwarded-Proto', value: HTTPS_FORWARDED_PROTO }],
      headers: [{ key: 'Strict-Transport-Security', value: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }],
    },
    { source: '/admin/:path*', headers: policy(ADMIN_POLICY) },
    { source: '/api/:path*', headers: policy(DATA_POLICY) },
    ...READER_DATA_PATHS.map((source) => ({ source, headers: policy(DATA_POLICY) })),
  ]
}
