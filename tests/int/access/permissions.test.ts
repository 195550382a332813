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
    const approval = await proofreader.rest(`/api/articles/${submitted.id}/workflow`, { method: 'POST', body: { action: 'sign', level: 'first' } })
    expect([approval.status, approval.json.errors[0].message]).toEqual([403, '您没有初审签字权限（编辑（责任编辑）签初审）'])
    const current = await payload.findByID({ collection: 'articles', id: submitted.id, draft: true })
    const publication = await proofreader.rest(`/api/articles/${submitted.id}?depth=0`, { method: 'PATCH', body: { _status: 'published', updatedAt: current.updatedAt } })
    expect(publication.status).toBe(403)
    const deletion = await proofreader.rest(`/api/articles/${submitted.id}`, { method: 'DELETE' })
    expect(deletion.status).toBe(403)
    const after = await payload.findByID({ collection: 'articles', id: submitted.id, draft: true })
    expect([after.workflowState, after._status]).toEqual(['pendingFirst', 'draft'])
  })

  it.each([
    ['deskHead', 'second'],
    ['chiefEditor', 'final'],
  ] as const)('offers the %s only the signature of their level, when the article waits for it', async (role, level) => {
    const article = await payload.create({ collection: 'articles', data: { title: `${role} 签字的稿件` }, draft: true, user: { ...staff.journalist, collection: 'users' } })
    await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
    const client = await sign(staff[role])
    expect(await actionsOffered(client, article.id)).toEqual([])
    const early = await client.rest(`/api/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'sign', level } })
    expect(early.status).toBe(409)
    await transitionAs(payload, staff.editor, { id: article.id, action: 'sign', level: 'first' })
    if (level === 'final') {
      await transitionAs(payload, staff.deskHead, { id: article.id, action: 'sign', level: 'second' })
      await transitionAs(payload, staff.proofreader, { id: article.id, action: 'sign', level: 'proofreading' })
    }
    expect(await actionsOffered(client, article.id)).toEqual(expect.arrayContaining(['return', 'sign']))
    const signed = await client.rest(`/api/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'sign', level, opinion: '同意' } })
    expect(signed.status).toBe(200)
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
