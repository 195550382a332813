import type { Payload } from 'payload'

import { importPage, pageKeyOf } from '@/import/importPage'
import { type InProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'

let payload: Payload
let staff: Staff
let journalist: InProcessClient
let editor: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
})

const outletOf = async (id: number | string) => (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })).outlet

/** A save as the admin form makes it: based on the version the editor opened (the stale-save check asks for it). */
const patch = async (client: InProcessClient, id: number | string, body: Record<string, unknown>) => {
  const { updatedAt } = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })
  return client.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { ...body, updatedAt } })
}

const WIRE_PAGE = `
外交部回应有关问题

新华社北京十二月五日电 外交部发言人今天在例行记者会上回答了有关提问。

发言人表示，中方愿同各方一道努力。

全省冬修水利全面铺开

本报讯(记者 刘洋)记者今天从省水利厅获悉，全省冬修水利全面铺开。

各地抓住晴好天气加快施工进度。
`

describe('the 来源 (outlet) of an article', () => {
  it('starts a new article as 本报, and lets an editor name the agency, trimmed', async () => {
    const created = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '新华社稿件', slug: 'outlet-wire' } })
    expect(created.status).toBe(201)
    expect(await outletOf(created.json.doc.id)).toBe('本报')
    const updated = await patch(editor, created.json.doc.id, { outlet: ' 新华社 ' })
    expect(updated.status).toBe(200)
    expect(await outletOf(created.json.doc.id)).toBe('新华社')
  })

  it('is the desk’s decision: what a journalist sends for it is dropped', async () => {
    const created = await journalist.rest('/api/articles?draft=true', { method: 'POST', body: { title: '记者自填来源', slug: 'outlet-journalist', outlet: '人民日报' } })
    expect(created.status).toBe(201)
    const id = created.json.doc.id
    expect(await outletOf(id)).toBe('本报')
    expect((await patch(journalist, id, { outlet: '人民日报' })).status).toBe(200)
    expect(await outletOf(id)).toBe('本报')
  })

  it('refuses a 来源 over 100 characters, and counts a character outside the BMP as one', async () => {
    const created = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '来源过长', slug: 'outlet-too-long' } })
    const id = created.json.doc.id
    const refused = await patch(editor, id, { outlet: '新'.repeat(101) })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('来源')
    expect((await patch(editor, id, { outlet: '𠀋'.repeat(100) })).status).toBe(200)
  })

  it('is filled from the dateline when a page is imported: 新华社 for wire copy, 本报 for the paper’s own', async () => {
    const result = await importPage(payload, WIRE_PAGE, { edition: { date: '2026-12-05', pageNumber: 2, pageName: '要闻' } })
    expect(result.status).toBe('created')
    const { docs } = await payload.find({ collection: 'articles', where: { sourceKey: { like: `import:${pageKeyOf(WIRE_PAGE)}:` } }, draft: true, depth: 0, overrideAccess: true, sort: 'sourceKey' })
    expect(Object.fromEntries(docs.map((doc) => [doc.title, doc.outlet]))).toEqual({ 外交部回应有关问题: '新华社', 全省冬修水利全面铺开: '本报' })
  })
})
