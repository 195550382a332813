import type { Payload } from 'payload'

import { TEXT_LIMITS } from '@/security/textLimits'
import { type InProcessClient, refusedPaths, signedInClient } from '../../helpers/inProcessApi'
import { type GraphqlReply, inProcessGraphql } from '../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { validationMessages } from '../../helpers/validation'
import { signFinal } from '../../helpers/workflow'

let payload: Payload
let editor: InProcessClient
let graphql: ReturnType<typeof inProcessGraphql>
let publishedId: number | string

const HEADLINE = TEXT_LIMITS.articles.title
const articleCount = async () => (await payload.count({ collection: 'articles' })).totalDocs
const storedTitle = async () => (await payload.findByID({ collection: 'articles', id: publishedId, depth: 0 })).title
const versionCount = async () => (await payload.countVersions({ collection: 'articles', where: { parent: { equals: publishedId } } })).totalDocs

type Refusal = { path: string; message: string }
/** What a GraphQL reply refused: each ValidationError's field errors, and the HTTP status it stands for. */
const graphqlRefusals = (reply: GraphqlReply) =>
  (reply.errors ?? []).flatMap((error) => {
    const extensions = error.extensions as { statusCode?: number; data?: { errors?: Refusal[] } } | undefined
    return (extensions?.data?.errors ?? []).map((refusal) => ({ status: extensions?.statusCode, ...refusal }))
  })
const restRefusals = (json: { errors?: { data?: { errors?: Refusal[] } }[] }) => (json?.errors ?? []).flatMap((error) => error.data?.errors ?? [])

let staff: Staff

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  staff = booted.staff
  editor = await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)
  graphql = inProcessGraphql(editor.token)
  const draft = await payload.create({ collection: 'articles', data: { title: '已发布的限长测试稿' } as never, draft: true })
  await payload.update({ collection: 'articles', id: draft.id, data: { _status: 'published', workflowState: 'published' } as never, context: { seeding: true } })
  publishedId = draft.id
})

const CREATE = 'mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }'
const UPDATE = 'mutation ($id: Int!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data, draft: false) { id } }'

describe('text limits on article drafts', () => {
  it(`refuses a draft whose headline is over ${HEADLINE} characters over REST, naming 主题 and the count, and stores nothing`, async () => {
    const before = await articleCount()
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '长'.repeat(HEADLINE + 1) } })
    expect(reply.status).toBe(400)
    expect(restRefusals(reply.json)).toEqual([{ path: 'title', message: `主题最多 ${HEADLINE} 个字，现有 ${HEADLINE + 1} 个字（at most ${HEADLINE} characters）` }])
    expect(await articleCount()).toBe(before)
  })

  it('refuses a draft whose standfirst is too long over GraphQL, naming 导语, and stores nothing', async () => {
    const before = await articleCount()
    const limit = TEXT_LIMITS.articles.summary
    const reply = await graphql(CREATE, { data: { title: '导语过长', summary: '导'.repeat(limit + 5) } })
    expect(reply.data?.createArticle ?? null).toBeNull()
    expect(graphqlRefusals(reply)).toEqual([{ status: 400, path: 'summary', message: expect.stringMatching(new RegExp(`^导语最多 ${limit} 个字，现有 ${limit + 5} 个字`)) }])
    expect(await articleCount()).toBe(before)
  })

  it('refuses an over-long text inside an array row, naming the row', async () => {
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '更正过长', corrections: [{ correctedAt: '2026-01-01T00:00:00.000Z', note: '更'.repeat(TEXT_LIMITS.articles['corrections.note'] + 1) }] } })
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual(['corrections.0.note'])
  })

  it(`accepts a headline of exactly ${HEADLINE} characters counted as code points, though it is ${HEADLINE * 2} UTF-16 units`, async () => {
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '𠀋'.repeat(HEADLINE) } })
    expect([reply.status, reply.json?.errors]).toEqual([201, undefined])
  })
})

describe('text limits when a published article is saved', () => {
  it('refuses an over-long headline over REST and over GraphQL, leaving the article and its history as they were', async () => {
    const [title, versions] = [await storedTitle(), await versionCount()]
    const rest = await editor.rest(`/api/articles/${publishedId}?draft=false`, { method: 'PATCH', body: { title: '长'.repeat(HEADLINE + 1), _status: 'published' } })
    expect(rest.status).toBe(400)
    expect(refusedPaths(rest.json)).toEqual(['title'])
    const viaGraphql = await graphql(UPDATE, { id: publishedId, data: { title: '长'.repeat(HEADLINE + 1), _status: 'published' } })
    expect(graphqlRefusals(viaGraphql)).toEqual([expect.objectContaining({ status: 400, path: 'title' })])
    expect([await storedTitle(), await versionCount()]).toEqual([title, versions])
  })

  it('still publishes a headline within the limit, once the 终审 has signed it', async () => {
    const { updatedAt } = await payload.findByID({ collection: 'articles', id: publishedId, depth: 0, draft: true })
    const saved = await editor.rest(`/api/articles/${publishedId}?draft=true`, { method: 'PATCH', body: { title: '𠀋'.repeat(HEADLINE), updatedAt } })
    expect([saved.status, saved.json?.errors]).toEqual([200, undefined])
    const signed = await signFinal(payload, staff, publishedId as number)
    const reply = await editor.rest(`/api/articles/${publishedId}?draft=false`, { method: 'PATCH', body: { _status: 'published', updatedAt: signed.updatedAt } })
    expect([reply.status, reply.json?.errors]).toEqual([200, undefined])
  })
})

describe('huge texts', () => {
  // How fast the refusal comes is a speed figure, for the bench, not an assertion here: under the
  // full suite on a busy machine the GraphQL refusal once took over a second.
  it('answers a 3 MB headline with a 4xx, over REST and GraphQL, and stores nothing', async () => {
    const before = await articleCount()
    const huge = '党'.repeat(3_000_000)
    const rest = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: huge } })
    const viaGraphql = await graphql(CREATE, { data: { title: huge } })
    expect(rest.status).toBe(400)
    expect(restRefusals(rest.json)[0].message).toMatch(/^主题最多 200 个字，现有 3000000 个字/)
    // The GraphQL route may refuse a body this size before Payload parses it (src/security/bodyLimits.ts).
    const graphqlStatus = viaGraphql.status >= 400 ? viaGraphql.status : viaGraphql.errors?.[0]?.extensions?.statusCode
    expect([graphqlStatus! >= 400, graphqlStatus! < 500, viaGraphql.data?.createArticle ?? null]).toEqual([true, true, null])
    expect(await articleCount()).toBe(before)
  })

  it('spends no seconds on slug and pinyin for a 1 MB name saved through the Local API, which the guard does not see', async () => {
    const started = performance.now()
    const message = await validationMessages(() => payload.create({ collection: 'columns', data: { name: '栏'.repeat(1_000_000) } as never }))
    expect(message).toContain(`专栏名称最多 ${TEXT_LIMITS.columns.name} 个字`)
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it('answers a 10 MB standfirst with a 400 naming 导语, not a 500 from an overflowed stack', async () => {
    const reply = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '十兆导语', summary: '导'.repeat(10_000_000) } })
    expect(reply.status).toBe(400)
    expect(refusedPaths(reply.json)).toEqual(['summary'])
  })
})

describe('text limits across the collections', () => {
  it("refuses a column name over its limit over REST and GraphQL, naming 专栏名称", async () => {
    const limit = TEXT_LIMITS.columns.name
    const rest = await editor.rest('/api/columns', { method: 'POST', body: { name: '栏'.repeat(limit + 1) } })
    expect(restRefusals(rest.json)).toEqual([{ path: 'name', message: expect.stringMatching(new RegExp(`^专栏名称最多 ${limit} 个字`)) }])
    const viaGraphql = await graphql('mutation ($name: String!) { createColumn(data: { name: $name, numberingStyle: circled, partSeparator: middleDot, cadence: weekly }) { id } }', { name: '栏'.repeat(limit + 1) })
    expect(graphqlRefusals(viaGraphql)).toEqual([expect.objectContaining({ status: 400, path: 'name' })])
  })

  it('refuses an over-long text saved through the Local API, where Payload validates, in Chinese', async () => {
    const message = await validationMessages(() => payload.create({ collection: 'tags', data: { name: '标'.repeat(TEXT_LIMITS.tags.name + 1) } }))
    expect(message).toContain(`名称最多 ${TEXT_LIMITS.tags.name} 个字`)
  })

  it('gives every text field of every collection a limit, from the table or for the fields Payload adds itself', () => {
    // Auth, uploads and array rows: bounded by the guard's defaults (src/security/textLimits.ts).
    const payloadAdded = new Set(['email', 'resetPasswordToken', 'salt', 'hash', 'id', 'url', 'thumbnailURL', 'filename', 'mimeType'])
    const unlimited: string[] = []
    for (const slug of Object.keys(TEXT_LIMITS)) {
      const visit = (fields: readonly { name: string; type: string; maxLength?: number; flattenedFields?: never[] }[], prefix: string) => {
        for (const field of fields) {
          const path = `${prefix}${field.name}`
          if (['text', 'textarea', 'email', 'code'].includes(field.type) && field.maxLength === undefined && !payloadAdded.has(field.name)) unlimited.push(`${slug}.${path}`)
          if (field.flattenedFields) visit(field.flattenedFields, `${path}.`)
        }
      }
      visit(payload.collections[slug as 'articles'].config.flattenedFields as never, '')
    }
    expect(unlimited).toEqual([])
  })

  it('names only fields that exist in its table of limits', () => {
    const missing = Object.entries(TEXT_LIMITS).flatMap(([slug, limits]) =>
      Object.keys(limits).filter((path) => {
        let fields = payload.collections[slug as 'articles'].config.flattenedFields as readonly { name: string; flattenedFields?: never[] }[] | undefined
        for (const name of path.split('.')) fields = fields?.find((field) => field.name === name)?.flattenedFields ?? (fields?.some((field) => field.name === name) ? [] : undefined)
        return fields === undefined
      }).map((path) => `${slug}.${path}`),
    )
    expect(missing).toEqual([])
  })
})
