import type { Payload } from 'payload'

import { MAX_SORT_FIELDS } from '@/security/apiLimits'
import { type InProcessClient, inProcessClient, refusedPaths, signedInClient } from '../../helpers/inProcessApi'
import { type GraphqlReply, inProcessGraphql } from '../../helpers/inProcessGraphql'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let anonymous: InProcessClient
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  anonymous = inProcessClient(payload)
  editor = await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)
  await payload.create({ collection: 'articles', data: { title: '查询测试稿' } as never, draft: true })
})

const graphqlStatuses = (reply: GraphqlReply) => (reply.errors ?? []).map((error) => error.extensions?.statusCode)
const manySorts = Array.from({ length: 2000 }, (_, index) => (index % 2 ? 'title' : '-publishedAt')).join(',')

describe('query conditions Payload would answer with a 500', () => {
  it.each([
    ['near on a text field', 'where[title][near]=112.9,28.2,1000', 'where.title.near', /「near」只能用于地理坐标字段/],
    ['within on a text field', 'where[title][within]=x', 'where.title.within', /「within」只能用于地理坐标字段/],
    ['within with a GeoJSON shape on a text field', 'where[title][within][type]=Polygon', 'where.title.within', /地理坐标字段/],
    ['a path into the rich text body', 'where[body.root.children.text][like]=x', 'where.body.root.children.text', /^不能按「body」的内部内容查询/],
  ])('answers %s with a 400 naming the condition', async (_, query, path, message) => {
    const reply = await anonymous.rest(`/api/articles?${query}`)
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual([path])
    expect(reply.json.errors[0].data.errors[0].message).toMatch(message)
  })

  it('answers GraphQL conditions joined by AND and OR', async () => {
    const reply = await inProcessGraphql(editor.token)('{ Articles(draft: true, where: { AND: [{ OR: [{ title: { equals: "查询测试稿" } }] }] }) { docs { title } } }')
    expect([reply.errors, reply.data?.Articles.docs]).toEqual([undefined, [{ title: '查询测试稿' }]])
  })

  it('answers conditions nested a thousand deep with a 400, not a 500 from an overflowed stack', async () => {
    let where: Record<string, unknown> = { title: { equals: 'x' } }
    for (let level = 0; level < 1_000; level += 1) where = { AND: [where] }
    const reply = await inProcessGraphql(editor.token)('query ($where: Article_where) { Articles(where: $where) { docs { id } } }', { where })
    expect([reply.status, reply.errors?.map((error) => error.message)]).toEqual([400, [expect.stringMatching(/^GraphQL 变量嵌套过深/)]])
  })

  it('still compares the body as a whole', async () => {
    expect((await anonymous.rest('/api/articles?where[body][like]=x&depth=0')).status).toBe(200)
  })
})

describe('sort', () => {
  it(`answers ${manySorts.split(',').length} sort fields with a 400 naming sort, over REST and GraphQL`, async () => {
    const rest = await anonymous.rest(`/api/articles?sort=${manySorts}`)
    expect([rest.status, refusedPaths(rest.json)]).toEqual([400, ['sort']])
    expect(rest.json.errors[0].data.errors[0].message).toBe(`最多按 ${MAX_SORT_FIELDS} 个字段排序，现有 2000 个（at most ${MAX_SORT_FIELDS} sort fields）`)
    // Signed in: an anonymous request this large may be stopped by the route's body limit first.
    const viaGraphql = await inProcessGraphql(editor.token)(`{ Articles(sort: "${manySorts}") { docs { id } } }`)
    expect(graphqlStatuses(viaGraphql)).toEqual([400])
  })

  it('refuses an unknown sort field and one that cannot be sorted, naming them', async () => {
    const reply = await anonymous.rest('/api/articles?sort=bogus,-body')
    expect(reply.status).toBe(400)
    expect(reply.json.errors[0].data.errors[0]).toEqual({ path: 'sort', message: '不能按“bogus”、“-body”排序：没有这个字段，或这个字段不能排序（unknown or unsortable field）' })
    expect(graphqlStatuses(await inProcessGraphql()('{ Articles(sort: "bogus") { docs { id } } }'))).toEqual([400])
  })

  it('answers the sorts the admin and the reader site use', async () => {
    for (const query of ['sort=-publishedAt', 'sort=title,-createdAt,id', 'sort=installment.number', 'sort=column.name', 'sort=_status']) {
      const reply = await editor.rest(`/api/articles?${query}&depth=0&draft=true`)
      expect([query, reply.status]).toEqual([query, 200])
    }
    for (const query of ['sort=-updatedAt', 'sort=version.title', 'where[parent][exists]=true&sort=-createdAt']) {
      const reply = await editor.rest(`/api/articles/versions?${query}&depth=0`)
      expect([query, reply.status]).toEqual([query, 200])
    }
  })

  it('checks version queries against the version’s own fields', async () => {
    const reply = await editor.rest('/api/articles/versions?where[version.publishedAt][greater_than]=notadate')
    expect([reply.status, refusedPaths(reply.json)]).toEqual([400, ['where.version.publishedAt.greater_than']])
  })
})
