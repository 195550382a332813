import type { Payload } from 'payload'

import { type InProcessClient, inProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'

let payload: Payload
let staff: Staff
let journalist: InProcessClient
let otherJournalist: InProcessClient
let editor: InProcessClient
let admin: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
  otherJournalist = await signedInClient(payload, staff.otherJournalist.email, STAFF_PASSWORD)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
  admin = await signedInClient(payload, staff.admin.email, STAFF_PASSWORD)
})

async function draft(client: InProcessClient, title: string) {
  const created = await client.rest('/api/articles?draft=true', { method: 'POST', body: { title } })
  expect(created.status).toBe(201)
  return created.json.doc as { id: number; updatedAt: string }
}

const save = (client: InProcessClient, id: number, body: Record<string, unknown>) =>
  client.rest(`/api/articles/${id}?draft=true&depth=0`, { method: 'PATCH', body: { _status: 'draft', ...body } })

describe('a save refused as made on an old copy says who changed the article and when', () => {
  it('names the other editor, with the time in Beijing time, in the 409 message and its data', async () => {
    const { id, updatedAt } = await draft(editor, '两人同时修改')
    const first = await save(admin, id, { summary: '管理员的导语', updatedAt })
    expect(first.status).toBe(200)
    const stale = await save(editor, id, { summary: '编辑在旧副本上的导语', updatedAt })
    expect(stale.status).toBe(409)
    const [error] = stale.json.errors
    expect(error.message).toMatch(/^保存被拒绝：这篇稿件已在 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 被管理员修改/)
    expect(error.data).toEqual({ reason: 'staleCopy', changedAt: first.json.doc.updatedAt, changedBy: { id: staff.admin.id, name: '管理员' }, byYou: false })
  })

  it('tells the same user that they changed it in another window', async () => {
    const { id, updatedAt } = await draft(editor, '两个窗口')
    expect((await save(editor, id, { summary: '另一个窗口里的导语', updatedAt })).status).toBe(200)
    const stale = await save(editor, id, { summary: '这个窗口里的导语', updatedAt })
    expect(stale.status).toBe(409)
    expect(stale.json.errors[0].message).toContain('您在另一个窗口中修改过这篇稿件')
    expect(stale.json.errors[0].data).toMatchObject({ reason: 'staleCopy', byYou: true, changedBy: { id: staff.editor.id } })
  })

  it('names the editor who returned the article to a journalist still holding the copy from before', async () => {
    const { id, updatedAt } = await draft(journalist, '提交后被退回')
    expect((await journalist.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'submit' } })).status).toBe(200)
    const returned = await editor.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'return', level: 'first', note: '请补充采访对象的说法。' } })
    expect(returned.status).toBe(200)
    const afterReturn = await save(journalist, id, { summary: '退回前的副本', updatedAt })
    expect(afterReturn.status).toBe(409)
    expect(afterReturn.json.errors[0].message).toContain('被编辑修改')
  })
})

describe('GET /api/articles/:id/last-change', () => {
  it('reports the latest version’s time and who saved it', async () => {
    const { id, updatedAt } = await draft(journalist, '查询最后修改')
    const saved = await save(editor, id, { kicker: '编辑加的引题', updatedAt })
    const asJournalist = await journalist.rest(`/api/articles/${id}/last-change`)
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } }, sort: '-updatedAt', limit: 1 })
    expect(asJournalist).toEqual({
      status: 200,
      json: { updatedAt: saved.json.doc.updatedAt, versionId: docs[0].id, changedAt: saved.json.doc.updatedAt, changedBy: { id: staff.editor.id, name: '编辑' }, byYou: false },
    })
    const asEditor = await editor.rest(`/api/articles/${id}/last-change`)
    expect(asEditor.json.byYou).toBe(true)
  })

  it('answers 404 to someone who may not read the article and 401 to nobody signed in', async () => {
    const { id } = await draft(journalist, '别人的稿件')
    const refused = await otherJournalist.rest(`/api/articles/${id}/last-change`)
    expect(refused.status).toBe(404)
    expect(refused.json.errors[0].message).toBe('稿件不存在或您无权查看')
    expect((await inProcessClient(payload).rest(`/api/articles/${id}/last-change`)).status).toBe(401)
  })
})
