import { createLocalReq, type Payload } from 'payload'

import type { Article } from '@payload-types'
import { findArticleBySlug } from '@/reader/data/queries'
import { transitionArticle } from '@/workflow/transitionArticle'
import { type InProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'
import { publishThroughChain, signFinal, transitionAs } from '../../../../helpers/workflow'

let payload: Payload
let staff: Staff
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
})

const latest = (id: number) => payload.findByID({ collection: 'articles', id, draft: true, depth: 0 }) as Promise<Article>

/** An article with a first version titled `first`, then saved by an editor as `second`. */
async function twoVersions(first: string, second: string, publish = false): Promise<{ id: number; firstVersion: number | string }> {
  const created = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: first, slug: `restore-${Date.now()}` } })
  const id = created.json.doc.id as number
  if (publish) await publishThroughChain(payload, staff, id)
  const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1 })
  const saved = await editor.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { title: second, updatedAt: (await latest(id)).updatedAt } })
  expect(saved.status).toBe(200)
  return { id, firstVersion: docs[0].id }
}

async function history(id: number) {
  const { docs } = await payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'createdAt', depth: 0 })
  return docs
}

describe('restoring an older version', () => {
  it('restores over REST as the admin’s button does, and records who restored which copy', async () => {
    const { id, firstVersion } = await twoVersions('第一稿', '第二稿')
    const reply = await editor.rest(`/api/articles/versions/${firstVersion}?draft=false`, { method: 'POST' })
    expect(reply.status).toBe(200)
    expect((await latest(id)).title).toBe('第一稿')
    const [entry] = await history(id)
    expect(entry).toMatchObject({ action: 'restore', from: 'draft', to: 'draft', actor: staff.editor.id, note: expect.stringMatching(/^恢复为 .+ 保存的版本$/) })
    const action = payload.collections['workflow-events'].config.flattenedFields.find((field) => field.name === 'action')
    expect(action && 'options' in action && action.options).toContainEqual({ value: 'restore', label: { zh: '恢复版本', en: 'Restore version' } })
  })

  it('restores through GraphQL restoreVersionArticle', async () => {
    const { id, firstVersion } = await twoVersions('GraphQL 第一稿', 'GraphQL 第二稿')
    const reply = await inProcessGraphql(editor.token)(`mutation ($id: Int!) { restoreVersionArticle(id: $id) { title } }`, { id: firstVersion })
    expect(reply.errors).toBeUndefined()
    expect(reply.data.restoreVersionArticle.title).toBe('GraphQL 第一稿')
    expect((await history(id)).map((event) => event.action)).toEqual(['restore'])
  })

  it('publishes an older published copy of a published article as a change, keeping its publication date and state', async () => {
    const { id, firstVersion } = await twoVersions('已发布的原稿', '已发布后的改稿', true)
    const published = await latest(id)
    const unsigned = await editor.rest(`/api/articles/${id}`, { method: 'PATCH', body: { title: '发布的改稿', _status: 'published', updatedAt: published.updatedAt } })
    expect([unsigned.status, unsigned.json.errors[0].message]).toEqual([409, '稿件在终审签发后有改动，改动须经终审重新签发后才能发布'])
    const saved = await editor.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { title: '发布的改稿', updatedAt: published.updatedAt } })
    expect(saved.status).toBe(200)
    const signed = await signFinal(payload, staff, id)
    const change = await editor.rest(`/api/articles/${id}`, { method: 'PATCH', body: { _status: 'published', updatedAt: signed.updatedAt } })
    expect(change.status).toBe(200)
    // The first published text was signed at 终审 once: restoring it needs no new signature.
    const reply = await editor.rest(`/api/articles/versions/${firstVersion}?draft=false`, { method: 'POST' })
    expect(reply.status).toBe(200)
    const reader = await findArticleBySlug(payload, published.slug!)
    expect(reader).toMatchObject({ title: '已发布的原稿', publishedAt: published.publishedAt })
    expect((await latest(id)).workflowState).toBe('published')
    expect((await history(id)).map((event) => event.action).slice(-3)).toEqual(['publishChanges', 'restore', 'publishChanges'])
  })

  it('refuses to take a published article offline by restoring an unpublished copy, and restores it as a draft instead', async () => {
    const { id } = await twoVersions('上线前的草稿', '上线前的二稿')
    await publishThroughChain(payload, staff, id)
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id }, 'version._status': { equals: 'draft' } }, sort: 'updatedAt', limit: 1 })
    const refused = await editor.rest(`/api/articles/versions/${docs[0].id}?draft=false`, { method: 'POST' })
    expect(refused.status).toBe(403)
    expect(refused.json.errors[0].message).toContain('恢复为草稿')
    const asDraft = await editor.rest(`/api/articles/versions/${docs[0].id}?draft=true`, { method: 'POST' })
    expect(asDraft.status).toBe(200)
    const stored = await latest(id)
    expect(stored.title).toBe('上线前的草稿')
    expect(await payload.findByID({ collection: 'articles', id, depth: 0 })).toMatchObject({ title: '上线前的二稿', _status: 'published', workflowState: 'published' })
  })

  it('keeps a retraction when an editor restores the text from before it', async () => {
    const { id } = await twoVersions('将撤稿的报道', '撤稿前的改稿')
    await publishThroughChain(payload, staff, id)
    await transitionAs(payload, staff.chiefEditor, { id, action: 'retract', note: '数据有误，予以撤稿。' })
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id }, 'version.workflowState': { equals: 'published' } }, limit: 1 })
    const published = await editor.rest(`/api/articles/versions/${docs[0].id}?draft=false`, { method: 'POST' })
    expect(published.status).toBe(403)
    const asDraft = await editor.rest(`/api/articles/versions/${docs[0].id}?draft=true`, { method: 'POST' })
    expect(asDraft.status).toBe(200)
    expect(await latest(id)).toMatchObject({ title: '撤稿前的改稿', workflowState: 'retracted', retraction: { notice: '数据有误，予以撤稿。' } })
    expect(await payload.findByID({ collection: 'articles', id, depth: 0 })).toMatchObject({ _status: 'published', workflowState: 'retracted', body: null })
  })

  it('restores a published copy of an article taken offline as a draft, without publishing it', async () => {
    const { id } = await twoVersions('到期下线的报道', '到期下线的改稿', true)
    await transitionArticle(payload, await createLocalReq({}, payload), { id, action: 'expire', system: true })
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id }, 'version._status': { equals: 'published' } }, limit: 1 })
    const reply = await editor.rest(`/api/articles/versions/${docs[0].id}?draft=true`, { method: 'POST' })
    expect(reply.status).toBe(200)
    // The restored text is one the 终审 signed, so the article stays 已签发.
    expect(await latest(id)).toMatchObject({ _status: 'draft', workflowState: 'signed' })
    expect((await history(id)).map((event) => event.action).slice(-2)).toEqual(['expire', 'restore'])
  })
})
