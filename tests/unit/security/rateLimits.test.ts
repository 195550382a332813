import { graphQLLoginAttempts, readGraphQLBody } from '@/security/graphqlRequest'
import { bucketsFor, clientAddressOf, RATE_LIMITS, spend } from '@/security/rateLimits'

/** The login charge of a GraphQL request body, read the way proxy.ts reads it. */
function graphQLCharges(body: string) {
  const read = readGraphQLBody('application/json', body)
  if (!read.ok) throw new Error(read.message)
  return bucketsFor('POST', '/api/graphql', graphQLLoginAttempts(read.document))
}

const graphQLBody = (query: string) => JSON.stringify({ query })
const login = (alias = '') => `${alias}loginUser(email: "a@newsroom.test", password: "wrong-password") { token }`

describe('which requests are rate limited', () => {
  it('counts password attempts over REST and through GraphQL mutations as logins', () => {
    expect(bucketsFor('POST', '/api/users/login')).toEqual([{ bucket: 'login', points: 1 }])
    expect(bucketsFor('POST', '/api/users/forgot-password')).toEqual([{ bucket: 'login', points: 1 }])
    expect(graphQLCharges(graphQLBody(`mutation { ${login()} }`))).toEqual([{ bucket: 'graphql', points: 1 }, { bucket: 'login', points: 1 }])
    expect(graphQLCharges(graphQLBody('{ Articles { docs { id } } }'))).toEqual([{ bucket: 'graphql', points: 1 }])
  })

  it('counts a GraphQL login whose name is hidden behind a JSON escape', () => {
    const escaped = graphQLBody(`mutation { ${login()} }`).replace('loginUser', '\\u006coginUser')
    expect(escaped).not.toContain('loginUser')
    expect(graphQLCharges(escaped)).toContainEqual({ bucket: 'login', points: 1 })
  })

  it('counts 30 aliased GraphQL logins as 30 logins', () => {
    const aliased = Array.from({ length: 30 }, (_, index) => login(`try${index}: `)).join(' ')
    expect(graphQLCharges(graphQLBody(`mutation { ${aliased} }`))).toContainEqual({ bucket: 'login', points: 30 })
  })

  it('counts logins, forgotten and reset passwords inside fragments', () => {
    const query = `mutation { ...Guess } fragment Guess on Mutation { ${login('a: ')} ${login('b: ')} forgotPasswordUser(email: "a@newsroom.test") resetPasswordUser(token: "t", password: "p") { token } }`
    expect(graphQLCharges(graphQLBody(query))).toContainEqual({ bucket: 'login', points: 4 })
  })

  it('leaves nothing to count in a body that cannot be parsed: the proxy refuses it with 400', () => {
    for (const body of ['{"query": "mutation { loginUser', '[{"query": "mutation { loginUser { token } }"}]', graphQLBody('mutation { loginUser(')]) {
      expect(readGraphQLBody('application/json', body)).toMatchObject({ ok: false, status: 400 })
    }
  })

  it('counts the search page and the search API alike, and leaves everything else alone', () => {
    expect(bucketsFor('GET', '/search')).toEqual([{ bucket: 'search', points: 1 }])
    expect(bucketsFor('GET', '/api/search')).toEqual([{ bucket: 'search', points: 1 }])
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
  const logins = (points: number) => [{ bucket: 'login' as const, points }]

  it(`allows ${RATE_LIMITS.login.points} logins a minute from one address, then refuses with a wait, without affecting another address`, async () => {
    const verdicts = []
    for (let attempt = 0; attempt <= RATE_LIMITS.login.points; attempt += 1) verdicts.push(await spend(logins(1), '198.51.100.1'))
    expect(verdicts.slice(0, RATE_LIMITS.login.points).every((verdict) => verdict.allowed)).toBe(true)
    const refused = verdicts.at(-1)
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) })
    expect(refused && !refused.allowed && refused.retryAfterSeconds).toBeLessThanOrEqual(RATE_LIMITS.login.duration)
    expect(await spend(logins(1), '198.51.100.2')).toEqual({ allowed: true })
  })

  it('refuses one request carrying more logins than a minute allows', async () => {
    expect(await spend(logins(RATE_LIMITS.login.points + 20), '198.51.100.3')).toEqual({ allowed: false, retryAfterSeconds: expect.any(Number) })
  })
})
