import type { Payload } from 'payload'

import type { Desk, User } from '@payload-types'
import { relationId } from '@/data/relationId'
import { inProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { publishThroughChain } from '../../../helpers/workflow'

let payload: Payload
let staff: Staff
let politics: Desk
let economy: Desk

const sign = (user: User) => signedInClient(payload, user.email, STAFF_PASSWORD)

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  staff = booted.staff
  politics = await payload.create({ collection: 'desks', data: { name: '时政部' } })
  economy = await payload.create({ collection: 'desks', data: { name: '经济部' } })
  staff.journalist = await payload.update({ collection: 'users', id: staff.journalist.id, data: { desks: [economy.id, politics.id] } })
})

describe('desks', () => {
  it('are kept from readers over REST and GraphQL, and shown to staff', async () => {
    const anonymous = await inProcessClient(payload).rest('/api/desks?depth=0')
    expect(anonymous.status).toBe(403)
    const graph = await inProcessGraphql()('{ Desks { docs { id name } } }')
    expect(graph.data?.Desks ?? null).toBeNull()
    expect(graph.errors?.[0]?.message).toBeTruthy()
    const journalist = await (await sign(staff.journalist)).rest('/api/desks?depth=0&sort=name')
    expect(journalist.json.docs.map((desk: Desk) => desk.name).sort()).toEqual(['时政部', '测试部', '经济部'].sort())
  })

  it('are created and renamed by administrators only, with a 403 for anyone else', async () => {
    const editor = await sign(staff.editor)
    const refused = await editor.rest('/api/desks', { method: 'POST', body: { name: '编辑建的部门' } })
    expect(refused.status).toBe(403)
    const renamed = await editor.rest(`/api/desks/${economy.id}`, { method: 'PATCH', body: { name: '改名' } })
    expect(renamed.status).toBe(403)
    expect((await payload.findByID({ collection: 'desks', id: economy.id })).name).toBe('经济部')
    const admin = await sign(staff.admin)
    const created = await admin.rest('/api/desks', { method: 'POST', body: { name: '文体部' } })
    expect([created.status, created.json.doc.name]).toEqual([201, '文体部'])
  })

  it('refuses a second desk of the same name, naming the field', async () => {
    const reply = await (await sign(staff.admin)).rest('/api/desks', { method: 'POST', body: { name: '时政部' } })
    expect(reply.status).toBe(400)
    expect(JSON.stringify(reply.json.errors)).toContain('name')
  })

  it('file a new article with its writer’s first desk, which the writer may change', async () => {
    const journalist = await sign(staff.journalist)
    const created = await journalist.rest('/api/articles?draft=true&depth=0', { method: 'POST', body: { title: '经济部的稿件' } })
    expect(created.status).toBe(201)
    expect(relationId(created.json.doc.desk)).toBe(economy.id)
    const moved = await journalist.rest(`/api/articles/${created.json.doc.id}?draft=true&depth=0`, { method: 'PATCH', body: { desk: politics.id, updatedAt: created.json.doc.updatedAt } })
    expect([moved.status, relationId(moved.json.doc.desk)]).toEqual([200, politics.id])
  })

  it('are not part of what readers get of a published article, over REST or GraphQL', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '公开稿件', desk: politics.id }, draft: true })
    await publishThroughChain(payload, staff, article.id)
    const rest = await inProcessClient(payload).rest(`/api/articles/${article.id}?depth=1`)
    expect(rest.status).toBe(200)
    expect(rest.json).not.toHaveProperty('desk')
    const graph = await inProcessGraphql()(`{ Article(id: ${article.id}) { title desk { name } } }`)
    expect(graph.data?.Article?.title).toBe('公开稿件')
    expect(graph.data?.Article?.desk ?? null).toBeNull()
  })
})
