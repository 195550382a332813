import {
  GRAPHQL_MAX_EXPANDED_FIELDS,
  GRAPHQL_MAX_FRAGMENT_CHAIN,
  GRAPHQL_MAX_NESTING,
  readGraphQLBody,
} from '@/security/graphqlRequest'

const asJson = (query: string) => readGraphQLBody('application/json', JSON.stringify({ query }))

describe('reading a GraphQL request body', () => {
  it('accepts one JSON object with a query', () => {
    expect(asJson('{ Articles(limit: 5) { docs { id } } }')).toMatchObject({ ok: true })
    expect(readGraphQLBody('application/json; charset=utf-8', '{"query": "{ Tags { totalDocs } }"}')).toMatchObject({ ok: true })
  })

  it('refuses malformed JSON, a batch, a missing query and broken GraphQL with 400 and a Chinese reason', () => {
    expect(readGraphQLBody('application/json', '{"query": "{ Articles')).toEqual({ ok: false, status: 400, message: expect.stringMatching(/^请求体不是有效的 JSON/) })
    expect(readGraphQLBody('application/json', '[{"query": "{ Tags { totalDocs } }"}]')).toEqual({ ok: false, status: 400, message: expect.stringMatching(/^不支持批量查询/) })
    expect(readGraphQLBody('application/json', '{"variables": {}}')).toEqual({ ok: false, status: 400, message: expect.stringMatching(/缺少|missing query/) })
    expect(readGraphQLBody('application/json', 'null')).toMatchObject({ ok: false, status: 400 })
    expect(asJson('{ Articles { docs { id }')).toEqual({ ok: false, status: 400, message: expect.stringMatching(/^GraphQL 查询无法解析/) })
  })

  it('refuses bodies that are not JSON with 415', () => {
    expect(readGraphQLBody('multipart/form-data; boundary=x', '--x--')).toMatchObject({ ok: false, status: 415 })
    expect(readGraphQLBody(null, '{"query": "{ Tags { totalDocs } }"}')).toMatchObject({ ok: false, status: 415 })
  })

  it('refuses a fragment cycle, naming the fragments', () => {
    const read = asJson('{ Articles { docs { ...A } } } fragment A on Article { ...B } fragment B on Article { ...A }')
    expect(read).toEqual({ ok: false, status: 400, message: expect.stringContaining('片段循环引用：A → B → A') })
    expect(asJson('{ Articles { docs { ...A } } } fragment A on Article { id ...A }')).toMatchObject({ ok: false, status: 400 })
  })

  it(`refuses fragments chained more than ${GRAPHQL_MAX_FRAGMENT_CHAIN} deep, even thousands deep, quickly`, () => {
    const chain = (length: number) =>
      `{ Articles { docs { ...F0 } } } ${Array.from({ length }, (_, index) => `fragment F${index} on Article { id ${index + 1 < length ? `...F${index + 1}` : ''} }`).join(' ')}`
    expect(asJson(chain(GRAPHQL_MAX_FRAGMENT_CHAIN))).toMatchObject({ ok: true })
    const started = performance.now()
    expect(asJson(chain(5_000))).toEqual({ ok: false, status: 400, message: expect.stringMatching(/片段嵌套过深/) })
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it(`refuses fragments that expand to more than ${GRAPHQL_MAX_EXPANDED_FIELDS} fields (each spreading the next twice)`, () => {
    const doubling = Array.from({ length: 30 }, (_, index) => `fragment F${index} on Article { ${index === 29 ? 'id' : `...F${index + 1} ...F${index + 1}`} }`).join(' ')
    const started = performance.now()
    expect(asJson(`{ Articles { docs { ...F0 } } } ${doubling}`)).toEqual({ ok: false, status: 400, message: expect.stringMatching(/展开片段后/) })
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it(`refuses syntax nested deeper than ${GRAPHQL_MAX_NESTING} levels, and nesting deep enough to exhaust the parser's stack`, () => {
    const nested = (levels: number) => `{ Articles(where: ${'{ or: ['.repeat(levels)}{ id: { equals: 1 } }${'] }'.repeat(levels)}) { totalDocs } }`
    expect(asJson(nested(20))).toMatchObject({ ok: true })
    expect(asJson(nested(200))).toEqual({ ok: false, status: 400, message: expect.stringMatching(/嵌套过深/) })
    expect(asJson(`${'{ a '.repeat(50_000)}${'}'.repeat(50_000)}`)).toEqual({ ok: false, status: 400, message: expect.stringMatching(/嵌套过深/) })
  })

  it(`refuses variables nested deeper than ${GRAPHQL_MAX_NESTING} levels, before graphql coerces them recursively`, () => {
    const query = 'query ($where: Article_where) { Articles(where: $where) { docs { id } } }'
    const nestedWhere = (levels: number) => {
      let where: Record<string, unknown> = { title: { equals: 'x' } }
      for (let level = 0; level < levels; level += 1) where = { AND: [where] }
      return where
    }
    const withVariables = (where: unknown) => readGraphQLBody('application/json', JSON.stringify({ query, variables: { where } }))
    expect(withVariables(nestedWhere(8))).toMatchObject({ ok: true })
    expect(withVariables(nestedWhere(1_000))).toEqual({ ok: false, status: 400, message: expect.stringMatching(/^GraphQL 变量嵌套过深/) })
  })
})
