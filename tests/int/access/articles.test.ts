import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { type InProcessClient, refusedPaths, signedInClient } from '../../helpers/inProcessApi'
import { inProcessGraphql } from '../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { publishThroughChain, transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let journalist: InProcessClient
let editor: InProcessClient
const articles = {} as Record<'own' | 'others' | 'credited' | 'published', Article>

const draftBy = (user: Staff[keyof Staff], title: string, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'articles', draft: true, data: { title, ...extra } as never, user: { ...user, collection: 'users' }, overrideAccess: false })

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
  articles.own = await draftBy(staff.journalist, '自己的草稿')
  articles.others = await draftBy(staff.otherJournalist, '别人的禁发草稿')
  articles.credited = await draftBy(staff.editor, '署了记者名的编辑稿', { bylines: [{ byline: staff.journalist.byline, role: 'reporter' }] })
  articles.published = await draftBy(staff.editor, '已发布的报道')
  await publishThroughChain(payload, staff, articles.published.id)
  await transitionAs(payload, staff.otherJournalist, { id: articles.others.id, action: 'submit' })
  await transitionAs(payload, staff.journalist, { id: articles.own.id, action: 'submit' })
  await transitionAs(payload, staff.editor, { id: articles.credited.id, action: 'submit' })
  for (const [key, article] of Object.entries(articles)) {
    await payload.create({ collection: 'editorial-comments', data: { article: article.id, body: `批注：${key}` }, user: { ...staff.editor, collection: 'users' }, overrideAccess: false })
  }
})

const bodies = (docs: { body: string }[]) => docs.map((doc) => doc.body).sort()
const articleIds = (docs: { article: unknown }[]) => [...new Set(docs.map((doc) => String((doc.article as { id?: unknown })?.id ?? doc.article)))].sort()
const readable = () => ['own', 'credited', 'published'].map((key) => `批注：${key}`).sort()
const readableIds = () => [articles.own, articles.credited, articles.published].map((article) => String(article.id)).sort()

describe('editorial comments and workflow history', () => {
  it('show a journalist only those of articles they may read, over REST', async () => {
    const comments = await journalist.rest('/api/editorial-comments?limit=100&depth=0')
    expect(bodies(comments.json.docs)).toEqual(readable())
    const events = await journalist.rest('/api/workflow-events?limit=100&depth=0')
    expect(articleIds(events.json.docs)).toEqual(readableIds())
    const { docs } = await payload.find({ collection: 'editorial-comments', where: { article: { equals: articles.others.id } }, depth: 0 })
    expect((await journalist.rest(`/api/editorial-comments/${docs[0].id}`)).status).toBe(404)
  })

  it('show a journalist only those of articles they may read, over GraphQL', async () => {
    const reply = await inProcessGraphql(journalist.token)(
      `{ EditorialComments(limit: 100) { docs { body } } WorkflowEvents(limit: 100) { docs { article { id } } } }`,
    )
    expect(reply.errors).toBeUndefined()
    expect(bodies(reply.data.EditorialComments.docs)).toEqual(readable())
    expect(articleIds(reply.data.WorkflowEvents.docs)).toEqual(readableIds())
  })

  it('show editors all of them', async () => {
    const comments = await editor.rest('/api/editorial-comments?limit=100&depth=0')
    expect(comments.json.docs).toHaveLength(4)
    const events = await editor.rest('/api/workflow-events?limit=100&depth=0')
    expect(articleIds(events.json.docs)).toEqual(Object.values(articles).map((article) => String(article.id)).sort())
  })

  it('refuse a journalist’s comment on an article they cannot read with a 400 naming the article, and take one on their own', async () => {
    const before = (await payload.count({ collection: 'editorial-comments' })).totalDocs
    const refused = await journalist.rest('/api/editorial-comments', { method: 'POST', body: { article: articles.others.id, body: '打探别人的稿件' } })
    expect(refused.status).toBe(400)
    expect(refusedPaths(refused.json)).toEqual(['article'])
    expect(JSON.stringify(refused.json)).toContain('只能对您有权查看的稿件添加批注')
    const graphql = await inProcessGraphql(journalist.token)(`mutation ($data: mutationEditorialCommentInput!) { createEditorialComment(data: $data) { id } }`, {
      data: { article: articles.others.id, body: '换个接口打探' },
    })
    expect(graphql.errors?.[0].message).toBeTruthy()
    expect((await payload.count({ collection: 'editorial-comments' })).totalDocs).toBe(before)
    const own = await journalist.rest('/api/editorial-comments', { method: 'POST', body: { article: articles.own.id, body: '我的补充' } })
    expect(own.status).toBe(201)
  })
})
