import { READER_ROUTE_KEYS } from '@/publishing/httpCaching'
import { ADMIN_POLICY, DATA_POLICY } from '@/security/contentSecurityPolicy.mjs'
import { securityHeaderRules } from '@/security/securityHeaders'

const rules = securityHeaderRules()
const policyBySource = Object.fromEntries(rules.flatMap((rule) => rule.headers.filter((header) => header.key === 'content-security-policy').map((header) => [rule.source, header.value])))

describe('the security header rules', () => {
  it('never give a reader page a policy: the cache handler or the proxy does, and two would intersect', () => {
    const readerPages = ['/', ...READER_ROUTE_KEYS.filter((route) => !route.routeHandler).map((route) => route.source), '/preview/:path*', '/:path*']
    for (const page of readerPages) expect([page, policyBySource[page]]).toEqual([page, undefined])
  })

  it('give every feed, sitemap and ninjs document, robots.txt and the API the policy that runs nothing, and the admin its own', () => {
    for (const route of READER_ROUTE_KEYS.filter((candidate) => candidate.routeHandler)) expect([route.source, policyBySource[route.source]]).toEqual([route.source, DATA_POLICY])
    expect(policyBySource['/robots.txt']).toBe(DATA_POLICY)
    expect(policyBySource['/api/:path*']).toBe(DATA_POLICY)
    expect(policyBySource['/admin/:path*']).toBe(ADMIN_POLICY)
  })

  it('send Strict-Transport-Security only when the proxy in front says the reader came over HTTPS', () => {
    const [hsts] = rules.filter((rule) => rule.headers.some((header) => header.key === 'Strict-Transport-Security'))
    expect(hsts.source).toBe('/:path*')
    // Next.js matches a `has` value as a whole-value regular expression.
    const matches = (forwardedProto: string) => new RegExp(`^${hsts.has?.[0].value}$`).test(forwardedProto)
    expect(hsts.has?.[0].key).toBe('X-Forwarded-Proto')
    expect(['https', 'https, http', 'https,http'].map(matches)).toEqual([true, true, true])
    expect(['http', 'http, https', 'httpsx', ''].map(matches)).toEqual([false, false, false, false])
  })
})
