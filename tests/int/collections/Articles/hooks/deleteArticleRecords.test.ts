import { type InProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'
import { publishThroughChain } from '../../../../helpers/workflow'

const booted = useTestPayload({ staff: true })
let editor: InProcessClient

beforeAll(async () => {
  editor = await signedInClient(booted.payload, booted.staff.editor.email, STAFF_PASSWORD)
})

const countFor = async (collection: 'workflow-events' | 'editorial-comments', article: number | string) =>
  (await booted.payload.count({ collection, where: { article: { equals: article } }, overrideAccess: true })).totalDocs

describe('deleting an article', () => {
  it('deletes a published article over REST together with its workflow history and editorial comments', async () => {
    const { payload, staff } = booted
    const article = await payload.create({ collection: 'articles', draft: true, data: { title: '将被删除的已发布稿件' } as never, user: { ...staff.editor, collection: 'users' }, overrideAccess: true })
    await publishThroughChain(payload, staff, article.id)
    await payload.create({ collection: 'editorial-comments', data: { article: article.id, body: '删稿前的批注' } as never, user: { ...staff.editor, collection: 'users' }, overrideAccess: true })
    expect(await countFor('workflow-events', article.id)).toBe(6)
    expect(await countFor('editorial-comments', article.id)).toBe(1)

    const reply = await editor.rest(`/api/articles/${article.id}`, { method: 'DELETE' })
    expect(reply.status).toBe(200)
    expect(await payload.count({ collection: 'articles', where: { id: { equals: article.id } }, overrideAccess: true })).toEqual({ totalDocs: 0 })
    expect(await countFor('workflow-events', article.id)).toBe(0)
    expect(await countFor('editorial-comments', article.id)).toBe(0)
  })
})
