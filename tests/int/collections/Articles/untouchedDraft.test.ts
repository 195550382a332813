import type { Payload } from 'payload'

import { ABANDONED_AFTER_MS, discardAbandonedDrafts } from '@collections/Articles/untouchedDraft'
import type { User } from '@payload-types'
import { type InProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'

let payload: Payload
let staff: Staff
let journalist: InProcessClient
let otherJournalist: InProcessClient
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
  otherJournalist = await signedInClient(payload, staff.otherJournalist.email, STAFF_PASSWORD)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
})

/** What Payload's admin does when someone opens 创建新条目 on a collection with autosave (@payloadcms/next views/Document). */
const openCreateView = async (user: User) =>
  (await payload.create({ collection: 'articles', data: {}, depth: 0, draft: true, overrideAccess: false, user })) as { id: number; updatedAt: string }

const discard = (client: InProcessClient, id: number) => client.rest(`/api/articles/${id}/discard-untouched`, { method: 'POST' })
const exists = async (id: number) => (await payload.find({ collection: 'articles', where: { id: { equals: id } }, draft: true, depth: 0 })).totalDocs === 1

describe('an article opened with 创建新条目 and never typed into', () => {
  it('is discarded when its owner leaves it', async () => {
    const { id } = await openCreateView(staff.journalist)
    const reply = await discard(journalist, id)
    expect(reply).toEqual({ status: 200, json: { discarded: true, id } })
    expect(await exists(id)).toBe(false)
  })

  it('is kept once anything was typed and autosaved, even if it was cleared again', async () => {
    const { id, updatedAt } = await openCreateView(staff.journalist)
    const typed = await journalist.rest(`/api/articles/${id}?autosave=true&draft=true&depth=0`, { method: 'PATCH', body: { title: '记者写下的主题', _status: 'draft', updatedAt } })
    expect(typed.status).toBe(200)
    const refused = await discard(journalist, id)
    expect(refused.status).toBe(409)
    expect(refused.json.errors[0].message).toBe('没有删除：稿件已有内容（主题）。')
    const cleared = await journalist.rest(`/api/articles/${id}?autosave=true&draft=true&depth=0`, { method: 'PATCH', body: { title: '', _status: 'draft', updatedAt: typed.json.doc.updatedAt } })
    expect(cleared.status).toBe(200)
    const afterClearing = await discard(journalist, id)
    expect(afterClearing.status).toBe(409)
    expect(afterClearing.json.errors[0].message).toMatch(/^没有删除：稿件(在创建后保存过|已有版本记录)/)
    expect(await exists(id)).toBe(true)
  })

  it('is kept when it was created with content, and names what it holds', async () => {
    const created = await journalist.rest('/api/articles?draft=true&depth=0', { method: 'POST', body: { summary: '只写了导语' } })
    expect(created.status).toBe(201)
    const refused = await discard(journalist, created.json.doc.id)
    expect(refused.status).toBe(409)
    expect(refused.json.errors[0].message).toContain('稿件已有内容（导语）')
    expect(await exists(created.json.doc.id)).toBe(true)
  })

  it('is discarded though it starts with its writer own byline, and kept once that byline list is changed', async () => {
    const own = await payload.create({ collection: 'bylines', data: { name: '许自己', kind: 'staff' }, overrideAccess: true })
    const writer = (await payload.update({ collection: 'users', id: staff.otherJournalist.id, data: { byline: own.id }, overrideAccess: true, depth: 0 })) as User
    const untouched = await openCreateView(writer)
    const stored = await payload.findByID({ collection: 'articles', id: untouched.id, draft: true, depth: 0 })
    expect(stored.bylines?.map((row) => [row.byline, row.role])).toEqual([[own.id, 'staffReporter']])
    expect(await discard(otherJournalist, untouched.id)).toEqual({ status: 200, json: { discarded: true, id: untouched.id } })

    const changed = await openCreateView(writer)
    const other = await payload.create({ collection: 'bylines', data: { name: '许同事', kind: 'staff' }, overrideAccess: true })
    await payload.update({ collection: 'articles', id: changed.id, draft: true, data: { bylines: [{ byline: other.id, role: 'staffReporter' }] }, overrideAccess: true })
    const refused = await discard(otherJournalist, changed.id)
    expect(refused.status).toBe(409)
    expect(await exists(changed.id)).toBe(true)
  })

  it('is only ever discarded for its owner', async () => {
    const { id } = await openCreateView(staff.journalist)
    const byEditor = await discard(editor, id)
    expect(byEditor.status).toBe(409)
    expect(byEditor.json.errors[0].message).toContain('只有稿件所有人')
    expect((await discard(otherJournalist, id)).status).toBe(404)
    expect(await exists(id)).toBe(true)
  })

  it('is discarded by the server a day after its owner closed the tab, and only then; a draft with anything in it never is', async () => {
    const { id } = await openCreateView(staff.journalist)
    const typed = await openCreateView(staff.editor)
    await editor.rest(`/api/articles/${typed.id}?autosave=true&draft=true&depth=0`, { method: 'PATCH', body: { summary: '只写了导语', _status: 'draft', updatedAt: typed.updatedAt } })
    expect(await discardAbandonedDrafts(payload)).not.toContain(id)
    expect(await exists(id)).toBe(true)
    const nextDay = new Date(Date.now() + ABANDONED_AFTER_MS + 60_000)
    const discarded = await discardAbandonedDrafts(payload, nextDay)
    expect(discarded).toContain(id)
    expect(discarded).not.toContain(typed.id)
    expect(await exists(id)).toBe(false)
    expect(await exists(typed.id)).toBe(true)
  })
})
