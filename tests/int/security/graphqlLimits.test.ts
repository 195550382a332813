import type { Payload } from 'payload'

import { API_MAX_LIMIT, GRAPHQL_MAX_DEPTH } from '@/security/apiLimits'
import { GRAPHQL_COUNT_COST, GRAPHQL_MAX_COST } from '@/security/graphqlCost'
import { GRAPHQL_MAX_ALIASES } from '@/security/graphqlLimits'
import { signedInClient } from '../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let editorToken: string
let route: (request: Request) => Promise<Response>

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  editorToken = (await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)).token ?? ''
  // The route module itself, imported once the test database is configured.
  route = (await import('../../../app/(payload)/api/graphql/route')).POST
  for (const name of ['图预算一', '图预算二', '图预算三']) await payload.create({ collection: 'tags', data: { name } as never })
})

/** The GraphQL route exactly as app/(payload)/api/graphql serves it. */
async function graphql(query: string, variables?: Record<string, unknown>, token?: string) {
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const response = await route(request)
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string }[] } }
}

const aliased = (count: number, field: string) => `{ ${Array.from({ length: count }, (_, index) => `a${index}:${field}`).join(' ')} }`
const messages = (body: { errors?: { message: string }[] }) => (body.errors ?? []).map((error) => error.message).join('\n')


describe('GraphQL limits', () => {
  it(`refuses a query nested deeper than ${GRAPHQL_MAX_DEPTH} levels, saying why`, async () => {
    const deep = `{ Articles { docs { ${'column { articles { docs { '.repeat(3)}id${' } } }'.repeat(3)} } } }`
    const { body } = await graphql(deep)
    expect(body.data).toBeUndefined()
    expect(body.errors?.map((error) => error.message).join('\n')).toMatch(/嵌套过深|query too deep/)
  })

  it('answers a query of ordinary depth', async () => {
    const { status, body } = await graphql('{ Articles(limit: 5) { docs { id title column { name } } totalDocs } }')
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs).toEqual(expect.any(Array))
  })

  it(`refuses a limit over ${API_MAX_LIMIT}, written literally or passed as a variable`, async () => {
    const literal = await graphql(`{ Articles(limit: ${API_MAX_LIMIT + 1}) { docs { id } } }`)
    expect(literal.body.errors?.[0]?.message).toMatch(/limit/)
    const variable = await graphql('query ($n: Int) { Articles(limit: $n) { docs { id } } }', { n: 100000 })
    expect(variable.body.errors?.[0]?.message).toMatch(/limit/)
    expect(variable.body.data).toBeUndefined()
  })

  it('refuses pagination: false from anonymous clients but lets staff use it with a limit', async () => {
    const anonymous = await graphql('{ Articles(pagination: false) { docs { id } } }')
    expect(anonymous.body.errors?.[0]?.message).toMatch(/pagination/)
    const staff = await graphql('{ Articles(pagination: false, limit: 5) { docs { id } } }', undefined, editorToken)
    expect(staff.body.errors).toBeUndefined()
  })

  it('refuses a query whose cost exceeds the complexity limit', async () => {
    const wide = `{ ${Array.from({ length: 100 }, (_, index) => `a${index}: Articles(limit: 100) { docs { id title column { name } } }`).join(' ')} }`
    const { body } = await graphql(wide)
    expect(body.data).toBeUndefined()
    expect(messages(body)).toMatch(/complexity/i)
  })

  it(`refuses ${GRAPHQL_MAX_ALIASES + 1} aliases and more with a Chinese 400 naming the limit, anonymous or not`, async () => {
    const anonymous = await graphql(aliased(200, 'Articles(limit:1){totalDocs}'))
    expect(anonymous.status).toBe(400)
    expect(anonymous.body.data).toBeUndefined()
    expect(messages(anonymous.body)).toMatch(new RegExp(`别名过多：一次查询最多 ${GRAPHQL_MAX_ALIASES} 个别名`))
    const staff = await graphql(aliased(500, 'Articles(limit:1){totalDocs}'), undefined, editorToken)
    expect(staff.status).toBe(400)
    expect(messages(staff.body)).toMatch(/别名过多/)
  })

  it('refuses a query of many costly fields under the alias limit, pricing every list and count as a COUNT', async () => {
    const counts = Math.floor(GRAPHQL_MAX_COST / GRAPHQL_COUNT_COST) + 1
    expect(counts).toBeLessThanOrEqual(GRAPHQL_MAX_ALIASES)
    const { status, body } = await graphql(aliased(counts, 'countArticles{totalDocs}'))
    expect(status).toBe(400)
    expect(messages(body)).toMatch(/^查询代价过高：估计 \d+，上限 1000/m)
    // A join runs one query per parent document: 100 articles each asking for their comments.
    const joined = await graphql('{ Articles(limit: 100) { docs { editorialComments { docs { id } } } } }', undefined, editorToken)
    expect(messages(joined.body)).toMatch(/查询代价过高/)
  })

  it('answers a few lists side by side', async () => {
    const { status, body } = await graphql('{ a: Articles(limit: 5) { totalDocs docs { id } } t: Tags(limit: 5) { docs { name } } c: countColumns { totalDocs } }')
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
  })

  it('stops an anonymous request’s further operations once its time budget is spent, and leaves staff alone', async () => {
    const query = '{ a: Tags(limit: 1) { totalDocs } b: Tags(limit: 2) { totalDocs } c: countTags { totalDocs } }'
    process.env.NEWSROOM_GRAPHQL_BUDGET_MS = '0'
    try {
      const anonymous = await graphql(query)
      expect(anonymous.body.data.a.totalDocs).toBeGreaterThanOrEqual(3)
      expect(anonymous.body.data.b).toBeNull()
      expect(anonymous.body.data.c).toBeNull()
      expect(anonymous.body.errors?.map((error) => error.message)).toEqual([expect.stringMatching(/^本次查询已用完 0 秒的时间预算/), expect.stringMatching(/时间预算/)])
      const staff = await graphql(query, undefined, editorToken)
      expect(staff.body.errors).toBeUndefined()
      expect(staff.body.data.c.totalDocs).toBeGreaterThanOrEqual(3)
    } finally {
      delete process.env.NEWSROOM_GRAPHQL_BUDGET_MS
    }
    expect((await graphql(query)).body.errors).toBeUndefined()
  })

  it('answers a fragment cycle with a Chinese 400 instead of overflowing the stack (500)', async () => {
    const { status, body } = await graphql('{ Articles { docs { ...A } } } fragment A on Article { ...B } fragment B on Article { ...A }')
    expect(status).toBe(400)
    expect(messages(body)).toMatch(/片段循环引用：A → B → A/)
  })

  it('refuses fragments chained thousands deep (a 500) or doubling at every level (29 s in the complexity rule) at once, with a Chinese 400', async () => {
    const chain = Array.from({ length: 3000 }, (_, n) => `fragment F${n} on Article { id ${n < 2999 ? `...F${n + 1}` : ''} }`).join(' ')
    const doubling = Array.from({ length: 22 }, (_, n) => `fragment F${n} on Article { ${n < 21 ? `...F${n + 1} ...F${n + 1}` : 'id'} }`).join(' ')
    for (const fragments of [chain, doubling]) {
      const started = performance.now()
      const { status, body } = await graphql(`{ Articles { docs { ...F0 } } } ${fragments}`, undefined, editorToken)
      expect({ status, message: messages(body) }).toEqual({ status: 400, message: expect.stringMatching(/^GraphQL (片段嵌套过深|查询过大)/) })
      expect(performance.now() - started).toBeLessThan(1_000)
    }
  })

  it('answers malformed JSON with a Chinese 400 instead of a 500', async () => {
    for (const body of ['{"query": "{ Articles { totalDocs } }"', '[{"query": "{ Tags { totalDocs } }"}]']) {
      const response = await route(new Request('http://localhost:3000/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body }))
      expect(response.status).toBe(400)
      expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/JSON/)
    }
  })

  it('counts 30 aliased, JSON-escaped loginUser fields as 30 login attempts: refused with 429 before any runs', async () => {
    const attempts = Array.from({ length: 30 }, (_, n) => `l${n}: loginUser(email: "nobody@newsroom.test", password: "wrong-${n}") { token }`).join(' ')
    const body = JSON.stringify({ query: `mutation { ${attempts} }` }).replaceAll('loginUser', '\\u006coginUser')
    expect(body).not.toContain('loginUser')
    const response = await route(new Request('http://localhost:3000/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.80' }, body }))
    expect(response.status).toBe(429)
    expect(((await response.json()) as { errors: { message: string }[] }).errors[0]?.message).toMatch(/^请求过于频繁/)
  })
})
