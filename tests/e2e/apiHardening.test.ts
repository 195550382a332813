import { RATE_LIMITS } from '../../src/security/rateLimits'
import { type DemoServer, startDemoServer } from '../helpers/demoServer'

const PASSWORD = 'newsroom-demo'
let server: DemoServer

beforeAll(async () => {
  server = await startDemoServer()
}, 15 * 60 * 1000)

afterAll(async () => {
  await server?.stop()
})

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) })

describe('the production server’s API', () => {
  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const response = await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '192.0.2.10' })
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('ignores the session cookie on a request sent from another site (CSRF)', async () => {
    const signedIn = await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '192.0.2.11' })
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]
    const me = async (origin: string) => (await (await fetch(`${server.baseUrl}/api/users/me`, { headers: { Cookie: cookie, Origin: origin } })).json()).user
    expect(await me(server.baseUrl)).toMatchObject({ email: 'editor@newsroom.test' })
    expect(await me('https://evil.example')).toBeNull()
  })

  it('lets only the site’s own origin read API responses from a browser (CORS)', async () => {
    const foreign = await fetch(`${server.baseUrl}/api/articles?limit=1`, { headers: { Origin: 'https://evil.example' } })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const own = await fetch(`${server.baseUrl}/api/articles?limit=1`, { headers: { Origin: server.baseUrl } })
    expect(own.headers.get('access-control-allow-origin')).toBe(server.baseUrl)
  })

  it(`refuses the ${RATE_LIMITS.login.points + 1}th login attempt in a minute from one address with 429, and not another address`, async () => {
    const statuses = []
    for (let attempt = 0; attempt <= RATE_LIMITS.login.points; attempt += 1) {
      statuses.push((await login(`nobody${attempt}@newsroom.test`, 'wrong-password-1', { 'X-Forwarded-For': '203.0.113.50' })).status)
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true)
    const refused = await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '203.0.113.50' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await refused.json()).errors[0].message).toMatch(/请求过于频繁/)
    expect((await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '203.0.113.51' })).status).toBe(200)
  })

  it('locks an account after five wrong passwords, even from different addresses', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await login('journalist@newsroom.test', 'not-the-password', { 'X-Forwarded-For': `198.51.100.${attempt + 1}` })
    }
    const locked = await login('journalist@newsroom.test', PASSWORD, { 'X-Forwarded-For': '198.51.100.99' })
    expect(locked.status).toBe(401)
    expect(JSON.stringify(await locked.json())).toMatch(/锁定|locked/i)
  })

  it('answers malformed and ill-typed requests with 4xx and no stack trace', async () => {
    const requests: [string, RequestInit][] = [
      ['/api/articles?draft=true', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":' }],
      ['/api/articles?where[publishedAt][greater_than]=notadate', {}],
      ['/api/articles/abc', {}],
      ['/api/articles?limit=100000', {}],
      ['/api/articles?pagination=false', {}],
      ['/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query": "{ Articles(limit: 100000) { docs { id } } }"}' }],
    ]
    for (const [path, init] of requests) {
      const response = await fetch(`${server.baseUrl}${path}`, { ...init, headers: { 'X-Forwarded-For': '192.0.2.99', ...(init.headers as Record<string, string>) } })
      const text = await response.text()
      const expected = path === '/api/graphql' ? [200, 400] : [400, 404]
      expect([path, expected.includes(response.status)]).toEqual([path, true])
      expect(text).not.toMatch(/\bat \/|node_modules|\.ts:\d+/)
      if (path === '/api/graphql') expect(JSON.parse(text).errors[0].message).toMatch(/limit/)
    }
  })
})
