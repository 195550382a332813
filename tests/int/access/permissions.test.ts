import type { Payload } from 'payload'

import type { Article, User } from '@payload-types'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let submitted: Article

const sign = (user: User): Promise<InProcessClient> => signedInClient(payload, user.email, STAFF_PASSWORD)
const actionsOffered = async (client: InProcessClient, id: Article['id']) =>
  ((await client.rest(`/api/articles/${id}/workflow`)).json.actions as { action: string }[]).map((entry) => entry.action)

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  staff = booted.staff
  const draft = await payload.create({ collection: 'articles', data: { title: '记者交来的稿件' }, draft: true, user: { ...staff.journalist, collection: 'users' }, overrideAccess: false })
  submitted = await transitionAs(payload, staff.journalist, { id: draft.id, action: 'submit' })
})

describe('the roles of the 三审 chain, through the API', () => {
  it('lets a proofreader read and correct submitted copy, and offers no review or publishing action', async () => {
    const proofreader = await sign(staff.proofreader)
    const read = await proofreader.rest(`/api/articles/${submitted.id}?draft=true&depth=0`)
    expect([read.status, read.json.title]).toEqual([200, '记者交来的稿件'])
    const corrected = await proofreader.rest(`/api/articles/${submitted.id}?draft=true&depth=0`, { method: 'PATCH', body: { title: '记者交来的稿件（校）', updatedAt: read.json.updatedAt } })
    expect([corrected.status, corrected.json.doc?.title]).toEqual([200, '记者交来的稿件（校）'])
    expect(await actionsOffered(proofreader, submitted.id)).toEqual([])
  })

  it('refuses a proofreader’s approval, publication and deletion with a 4xx, changing nothing', async () => {
    const proofreader = await sign(staff.proofreader)
    const approval = await proofreader.rest(`/api/articles/${submitted.id}/workflow`, { method: 'POST', body: { action: 'approve' } })
    expect([approval.status, approval.json.errors[0].message]).toEqual([403, '您的角色无权审核通过'])
    const current = await payload.findByID({ collection: 'articles', id: submitted.id, draft: true })
    const publication = await proofreader.rest(`/api/articles/${submitted.id}?depth=0`, { method: 'PATCH', body: { _status: 'published', updatedAt: current.updatedAt } })
    expect(publication.status).toBe(403)
    const deletion = await proofreader.rest(`/api/articles/${submitted.id}`, { method: 'DELETE' })
    expect(deletion.status).toBe(403)
    const after = await payload.findByID({ collection: 'articles', id: submitted.id, draft: true })
    expect([after.workflowState, after._status]).toEqual(['submitted', 'draft'])
  })

  it.each(['deskHead', 'chiefEditor'] as const)('lets the %s approve and publish', async (role) => {
    const article = await payload.create({ collection: 'articles', data: { title: `${role} 签发的稿件` }, draft: true })
    const client = await sign(staff[role])
    await transitionAs(payload, staff.editor, { id: article.id, action: 'submit' })
    expect(await actionsOffered(client, article.id)).toEqual(expect.arrayContaining(['return', 'approve']))
    for (const action of ['approve', 'publish']) {
      const reply = await client.rest(`/api/articles/${article.id}/workflow`, { method: 'POST', body: { action } })
      expect([action, reply.status]).toEqual([action, 200])
    }
    expect((await payload.findByID({ collection: 'articles', id: article.id })).workflowState).toBe('published')
  })

  it('gives an account holding two roles the reach of both', async () => {
    const otherDraft = await payload.create({ collection: 'articles', data: { title: '另一位记者的草稿' }, draft: true, user: { ...staff.otherJournalist, collection: 'users' }, overrideAccess: false })
    const journalist = await sign(staff.journalist)
    expect((await journalist.rest(`/api/articles/${otherDraft.id}?draft=true&depth=0`)).status).toBe(404)
    await payload.update({ collection: 'users', id: staff.journalist.id, data: { roles: ['journalist', 'proofreader'] } })
    const both = await sign(staff.journalist)
    expect((await both.rest(`/api/articles/${otherDraft.id}?draft=true&depth=0`)).json.title).toBe('另一位记者的草稿')
  })
})
