import type { Payload } from 'payload'

import { inProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { inProcessGraphql } from '../../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD, TEST_DESK } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'

let payload: Payload
let staff: Staff
let deskId: number | string

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  deskId = (await payload.find({ collection: 'desks', where: { name: { equals: TEST_DESK } }, limit: 1 })).docs[0].id
})

describe('channels (频道)', () => {
  it('are set up by editors, not by journalists or readers', async () => {
    const journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
    expect((await journalist.rest('/api/channels', { method: 'POST', body: { name: '记者频道', desks: [deskId] } })).status).toBe(403)
    expect((await inProcessClient(payload).rest('/api/channels', { method: 'POST', body: { name: '读者频道', desks: [deskId] } })).status).toBe(403)
    const mutation = await inProcessGraphql()(`mutation { createChannel(data: { name: "读者频道" }) { id } }`)
    expect(mutation.errors?.[0]?.message).toBeTruthy()
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const created = await editor.rest('/api/channels', { method: 'POST', body: { name: '时政', slug: 'shizheng', desks: [deskId] } })
    expect(created.status).toBe(201)
    expect((await payload.count({ collection: 'channels' })).totalDocs).toBe(1)
  })

  it('refuses a channel nothing feeds, saying what it needs', async () => {
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const reply = await editor.rest('/api/channels', { method: 'POST', body: { name: '空频道' } })
    expect(reply.status).toBe(400)
    expect(JSON.stringify(reply.json)).toContain('请至少选择一个来源部门、专栏、标签或地区')
    expect((await payload.count({ collection: 'channels', where: { name: { equals: '空频道' } } })).totalDocs).toBe(0)
  })

  it('shows readers the channel but not which desks feed it, over REST and GraphQL', async () => {
    const reply = await inProcessClient(payload).rest('/api/channels?where[slug][equals]=shizheng')
    expect(reply.status).toBe(200)
    expect(reply.json.docs[0].name).toBe('时政')
    expect(reply.json.docs[0]).not.toHaveProperty('desks')
    const query = await inProcessGraphql()('{ Channels { docs { name desks { id } } } }')
    expect(query.data?.Channels?.docs?.[0]?.name).toBe('时政')
    expect(query.data?.Channels?.docs?.[0]?.desks ?? []).toEqual([])
  })
})
