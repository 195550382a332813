import type { Payload } from 'payload'

import type { User, WorkflowEvent } from '@payload-types'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let journalist: InProcessClient

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
})

const submittedBy = async (user: User, title: string) => {
  const article = await payload.create({ collection: 'articles', data: { title } as never, draft: true, user: { ...user, collection: 'users' }, overrideAccess: false })
  await transitionAs(payload, user, { id: article.id, action: 'submit' })
  return article
}

const withdrawOverRest = (client: InProcessClient, id: number | string) => client.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'withdraw' } })

async function history(id: number | string): Promise<WorkflowEvent[]> {
  const { docs } = await payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'createdAt', depth: 0 })
  return docs
}

describe('withdrawing a submission (撤回)', () => {
  it('takes the journalist’s unreviewed submission back to draft, recorded in the history, so they can edit it again', async () => {
    const article = await submittedBy(staff.journalist, '还没审的稿件')
    const options = await journalist.rest(`/api/articles/${article.id}/workflow`)
    expect(options.json.actions.map((option: { label: string }) => option.label)).toContain('撤回')

    const reply = await withdrawOverRest(journalist, article.id)
    expect(reply.status).toBe(200)
    expect(reply.json.state).toBe('draft')
    expect((await history(article.id)).map((event) => [event.action, event.from, event.to, event.actor])).toEqual([
      ['submit', 'draft', 'pendingFirst', staff.journalist.id],
      ['withdraw', 'pendingFirst', 'draft', staff.journalist.id],
    ])
    const edited = await payload.update({ collection: 'articles', id: article.id, draft: true, data: { summary: '撤回后补上的导语' }, user: { ...staff.journalist, collection: 'users' }, overrideAccess: false })
    expect(edited.summary).toBe('撤回后补上的导语')
  })

  it('refuses with 409 and a Chinese reason once a level has signed it or an editor returned it', async () => {
    const approved = await submittedBy(staff.journalist, '编辑已初审的稿件')
    await transitionAs(payload, staff.editor, { id: approved.id, action: 'sign', level: 'first' })
    const returned = await submittedBy(staff.journalist, '编辑已退回的稿件')
    await transitionAs(payload, staff.editor, { id: returned.id, action: 'return', level: 'first', note: '请补充采访对象' })

    const late = await withdrawOverRest(journalist, approved.id)
    expect(late.status).toBe(409)
    expect(late.json.errors[0].message).toBe('稿件已有初审签字，不能再撤回；如需修改请联系编辑')
    const afterReturn = await withdrawOverRest(journalist, returned.id)
    expect(afterReturn.status).toBe(409)
    expect(afterReturn.json.errors[0].message).toContain('没有待审的提交可以撤回')

    const stored = await payload.findByID({ collection: 'articles', id: approved.id, draft: true, depth: 0 })
    expect(stored.workflowState).toBe('pendingSecond')
    expect((await history(approved.id)).map((event) => event.action)).toEqual(['submit', 'sign'])
  })

  it('is refused to another journalist and offered to editors', async () => {
    const article = await submittedBy(staff.journalist, '别人的待审稿件')
    await expect(transitionAs(payload, staff.otherJournalist, { id: article.id, action: 'withdraw' })).rejects.toThrow()
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const options = await editor.rest(`/api/articles/${article.id}/workflow`)
    expect(options.json.actions.map((option: { action: string }) => option.action)).toEqual(expect.arrayContaining(['withdraw', 'return', 'sign']))
    expect((await withdrawOverRest(editor, article.id)).json.state).toBe('draft')
  })
})

describe('the return note (退回理由)', () => {
  it('is offered with the workflow options of a returned article, with who returned it and when, and gone once resubmitted', async () => {
    const article = await submittedBy(staff.journalist, '需要补充的稿件')
    await transitionAs(payload, staff.editor, { id: article.id, action: 'return', level: 'first', note: '第一次退回' })
    await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
    await transitionAs(payload, staff.editor, { id: article.id, action: 'return', level: 'first', note: '导语太长，请压缩到两句' })

    const returned = await journalist.rest(`/api/articles/${article.id}/workflow`)
    const [latest] = (await history(article.id)).filter((event) => event.action === 'return').reverse()
    expect(returned.json.returnNote).toEqual({ note: '导语太长，请压缩到两句', by: staff.editor.name, at: latest.createdAt })

    await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
    expect((await journalist.rest(`/api/articles/${article.id}/workflow`)).json.returnNote).toBeNull()
    expect((await history(article.id)).filter((event) => event.action === 'return').map((event) => event.note)).toEqual(['第一次退回', '导语太长，请压缩到两句'])
  })
})
