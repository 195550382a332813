import type { Payload } from 'payload'

import { importPage, pageKeyOf } from '@/import/importPage'
import { findArticleBySlug, findArticles } from '@/reader/data/queries'
import { readSeedPage } from '@/seed/data'
import { type InProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { publishThroughChain, submitAndSign, transitionAs } from '../../../helpers/workflow'

let payload: Payload
let staff: Staff
let journalist: InProcessClient
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
})

const FORGED = {
  workflowState: 'signed',
  publishedAt: '2001-09-11T00:00:00.000Z',
  scheduledFor: '2001-01-02T00:00:00.000Z',
  publishedLateBy: 99,
  retraction: { retractedAt: '2001-01-01T00:00:00.000Z', notice: '记者自拟的撤稿声明' },
}

const stored = (id: number | string) => payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })

const expectNoWorkflowValues = async (id: number | string) =>
  expect(await stored(id)).toMatchObject({
    workflowState: 'draft',
    owner: staff.journalist.id,
    publishedAt: null,
    scheduledFor: null,
    publishedLateBy: null,
    retraction: { retractedAt: null, notice: null },
  })

describe('workflow-owned article fields', () => {
  it('drops a retraction, publication date and schedule a journalist sends with a new article, so the signed article reads as published now', async () => {
    const created = await journalist.rest('/api/articles?draft=true', {
      method: 'POST',
      body: { title: '记者伪造的撤稿', slug: 'forged-retraction', owner: staff.otherJournalist.id, ...FORGED },
    })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    await expectNoWorkflowValues(id)

    const publishedAt = new Date('2031-05-04T02:00:00.000Z')
    await submitAndSign(payload, staff, id, { by: staff.journalist })
    await transitionAs(payload, staff.editor, { id, action: 'publish', now: publishedAt })

    const page = await findArticleBySlug(payload, 'forged-retraction')
    expect(page).toMatchObject({ publishedAt: publishedAt.toISOString(), retraction: { retractedAt: null, notice: null } })
    expect((await findArticles(payload, { kind: 'latest' })).docs.map((doc) => doc.id)).toContain(id)
    const { docs: history } = await payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'createdAt' })
    expect(history.map((event) => event.action)).toEqual(['submit', 'sign', 'sign', 'sign', 'sign', 'publish'])
  })

  it('keeps the stored values when an editor’s update sends others, and saves the admin form that sends them unchanged', async () => {
    const draft = await journalist.rest('/api/articles?draft=true', { method: 'POST', body: { title: '编辑改不了的发布时间' } })
    const id = draft.json.doc.id
    await publishThroughChain(payload, staff, id, { by: staff.journalist })
    const before = await stored(id)

    const form = await editor.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { ...before, _status: 'draft', title: '原样提交整张表单' } })
    expect(form.status).toBe(200)
    const forged = await editor.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { ...FORGED, title: '编辑改发布时间', updatedAt: form.json.doc.updatedAt } })
    expect(forged.status).toBe(200)
    expect(await stored(id)).toMatchObject({
      title: '编辑改发布时间',
      workflowState: 'published',
      publishedAt: before.publishedAt,
      scheduledFor: null,
      retraction: { retractedAt: null, notice: null },
    })
  })

  it('drops them from a GraphQL create too', async () => {
    const graphql = inProcessGraphql(journalist.token)
    const reply = await graphql(
      `mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }`,
      { data: { title: 'GraphQL 伪造的发布时间', publishedAt: FORGED.publishedAt, scheduledFor: FORGED.scheduledFor, retraction: FORGED.retraction } },
    )
    expect(reply.errors).toBeUndefined()
    await expectNoWorkflowValues(reply.data.createArticle.id)
  })
})

describe('the source key', () => {
  it('is dropped when a journalist sends one over REST or GraphQL, so importing the real page still creates its drafts', async () => {
    const text = readSeedPage('000')
    const pageKey = `import:${pageKeyOf(text)}:0`
    const rest = await journalist.rest('/api/articles?draft=true', { method: 'POST', body: { title: '抢占导入标识', sourceKey: pageKey } })
    expect(rest.status).toBe(201)
    const graphql = await inProcessGraphql(journalist.token)(
      `mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id } }`,
      { data: { title: 'GraphQL 抢占导入标识', sourceKey: `${pageKey}:graphql` } },
    )
    expect(graphql.errors).toBeUndefined()
    for (const id of [rest.json.doc.id, graphql.data.createArticle.id]) expect((await stored(id)).sourceKey ?? null).toBeNull()

    const result = await importPage(payload, text, { user: { ...staff.editor, collection: 'users' }, edition: { date: '2025-11-13', pageNumber: 5, pageName: '城市新闻' } })
    expect(result.status).toBe('created')
    const { docs } = await payload.find({ collection: 'articles', where: { sourceKey: { equals: pageKey } }, draft: true, depth: 0, overrideAccess: true })
    expect(docs.map((doc) => doc.title)).not.toContain('抢占导入标识')
    expect(docs).toHaveLength(1)
  })
})
