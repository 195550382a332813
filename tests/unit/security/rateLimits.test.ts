import { bucketsFor, clientAddressOf, RATE_LIMITS, spend } from '../../../src/security/rateLimits'

describe('which requests are rate limited', () => {
  it('counts password attempts over REST and through GraphQL mutations as logins', () => {
    expect(bucketsFor('POST', '/api/users/login')).toEqual(['login'])
    expect(bucketsFor('POST', '/api/users/forgot-password')).toEqual(['login'])
    expect(bucketsFor('POST', '/api/graphql', 'mutation { loginUser(email: "a", password: "b") { token } }')).toEqual(['graphql', 'login'])
    expect(bucketsFor('POST', '/api/graphql', '{ Articles { docs { id } } }')).toEqual(['graphql'])
  })

  it('counts the search page and the search API alike, and leaves everything else alone', () => {
    expect(bucketsFor('GET', '/search')).toEqual(['search'])
    expect(bucketsFor('GET', '/api/search')).toEqual(['search'])
    expect(bucketsFor('GET', '/api/users/login')).toEqual([])
    expect(bucketsFor('GET', '/articles/some-story')).toEqual([])
  })
})

describe('the client address', () => {
  it('is the last X-Forwarded-For entry, the one the nearest proxy appended', () => {
    expect(clientAddressOf(new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddressOf(new Headers())).toBe('unknown')
  })
})

describe('spending requests', () => {
  it(`allows ${RATE_LIMITS.login.points} logins a minute from one address, then refuses with a wait, without affecting another address`, async () => {
    const verdicts = []
    for (let attempt = 0; attempt <= RATE_LIMITS.login.points; attempt += 1) verdicts.push(await spend(['login'], '198.51.100.1'))
    expect(verdicts.slice(0, RATE_LIMITS.login.points).every((verdict) => verdict.allowed)).toBe(true)
    const refused = verdicts.at(-1)
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) })
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.login.duration)
    expect(await spend(['login'], '198.51.100.2')).toEqual({ allowed: true })
  })
})
