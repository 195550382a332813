import type { Payload } from 'payload'

import { type InProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'

let payload: Payload
let staff: Staff
let editor: InProcessClient
let admin: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
  admin = await signedInClient(payload, staff.admin.email, STAFF_PASSWORD)
})

async function draft(title: string) {
  const created = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title } })
  expect(created.status).toBe(201)
  return created.json.doc as { id: number; updatedAt: string }
}

const latestTitle = async (id: number) => (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).title

describe('a save over the API says which version it was based on', () => {
  it('refuses a REST update without updatedAt with a 400 naming the field, and changes nothing', async () => {
    const { id } = await draft('无版本的保存')
    const reply = await admin.rest(`/api/articles/${id}?draft=true`, { method: 'PATCH', body: { title: '悄悄覆盖' } })
    expect(reply.status).toBe(400)
    expect(reply.json.errors[0].message).toContain('缺少 updatedAt')
    expect(await latestTitle(id)).toBe('无版本的保存')
  })

  it('refuses a GraphQL update without updatedAt the same way, and accepts it with the version read', async () => {
    const { id, updatedAt } = await draft('GraphQL 的保存')
    const graphql = inProcessGraphql(admin.token)
    const update = `mutation ($id: Int!, $data: mutationArticleUpdateInput!) { updateArticle(id: $id, data: $data, draft: true) { title updatedAt } }`
    const refused = await graphql(update, { id, data: { title: '悄悄覆盖' } })
    expect(refused.errors?.[0].message).toContain('缺少 updatedAt')
    expect(await latestTitle(id)).toBe('GraphQL 的保存')
    const saved = await graphql(update, { id, data: { title: '带版本的修改', updatedAt } })
    expect(saved.errors).toBeUndefined()
    expect(await latestTitle(id)).toBe('带版本的修改')
  })

  it('lets the admin’s autosave and save chain on the updatedAt each answer returns, and refuses a stale copy with 409', async () => {
    const created = await draft('自动保存')
    let base = created.updatedAt
    for (const summary of ['第一次自动保存', '第二次自动保存', '第三次自动保存']) {
      const reply = await editor.rest(`/api/articles/${created.id}?autosave=true&depth=0&draft=true`, { method: 'PATCH', body: { title: '自动保存', summary, _status: 'draft', updatedAt: base } })
      expect([summary, reply.status]).toEqual([summary, 200])
      base = reply.json.doc.updatedAt
    }
    const saved = await editor.rest(`/api/articles/${created.id}?draft=true`, { method: 'PATCH', body: { title: '手动保存', updatedAt: base } })
    expect(saved.status).toBe(200)
    const stale = await admin.rest(`/api/articles/${created.id}?draft=true`, { method: 'PATCH', body: { title: '旧副本', updatedAt: base } })
    expect(stale.status).toBe(409)
    expect(await latestTitle(created.id)).toBe('手动保存')
  })

  it('needs no updatedAt for a workflow step, and refuses a bulk update outright', async () => {
    const { id } = await draft('流程操作')
    const step = await editor.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'submit' } })
    expect(step.status).toBe(200)
    const bulk = await admin.rest(`/api/articles?where[id][equals]=${id}`, { method: 'PATCH', body: { title: '批量覆盖' } })
    expect(bulk.status).toBe(403)
    expect(bulk.json.errors[0].message).toContain('不能批量修改稿件')
    expect(await latestTitle(id)).toBe('流程操作')
  })

  it('trusts server code on the Local API', async () => {
    const { id } = await draft('服务器内部的保存')
    await payload.update({ collection: 'articles', id, draft: true, data: { title: '内部修改' } })
    expect(await latestTitle(id)).toBe('内部修改')
  })
})
