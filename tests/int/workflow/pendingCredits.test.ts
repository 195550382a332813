import type { Payload } from 'payload'

import type { Article, Byline, User } from '@payload-types'
import { relationId } from '@/data/relationId'
import { runDueSchedules } from '@/workflow/scheduler'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { signFinal, signRemainingLevels, transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let editorApi: InProcessClient

const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })
const IN_AN_HOUR = () => new Date(Date.now() + 60 * 60 * 1000)

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  editorApi = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
})

const propose = (name: string): Promise<Byline> =>
  payload.create({ collection: 'bylines', data: { name, kind: 'correspondent', organisation: '桂阳县委宣传部' }, ...as(staff.journalist) })

const confirm = (byline: Byline) => payload.update({ collection: 'bylines', id: byline.id, data: { status: 'confirmed' }, ...as(staff.editor) })

/** A journalist's story crediting themselves and the correspondent they proposed, approved by an editor. */
async function approvedCrediting(title: string, correspondent: Byline): Promise<Article> {
  const article = await payload.create({
    collection: 'articles',
    data: { title, bylines: [{ byline: staff.journalist.byline as number, role: 'staffReporter' }, { byline: correspondent.id, role: 'correspondent' }] } as never,
    draft: true,
    ...as(staff.journalist),
  })
  await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
  await signRemainingLevels(payload, staff, article.id)
  return article
}

describe('an article crediting a byline no editor has confirmed', () => {
  it('cannot be 签发 or scheduled; the refusal names the byline, and goes once it is confirmed', async () => {
    const correspondent = await propose('雷小明')
    const article = await approvedCrediting('桂阳科技篇', correspondent)

    await expect(transitionAs(payload, staff.editor, { id: article.id, action: 'publish' })).rejects.toThrow('署名“雷小明（桂阳县委宣传部）”尚待编辑确认')
    await expect(transitionAs(payload, staff.editor, { id: article.id, action: 'schedule', publishAt: IN_AN_HOUR() })).rejects.toThrow('尚待编辑确认')
    expect(await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })).toMatchObject({ workflowState: 'signed', _status: 'draft' })

    await confirm(correspondent)
    await expect(transitionAs(payload, staff.editor, { id: article.id, action: 'publish' })).resolves.toMatchObject({ workflowState: 'published', _status: 'published' })
  })

  it('is refused with a 409 and the reason by the workflow endpoint', async () => {
    const article = await approvedCrediting('祁阳简讯', await propose('邓一鸣'))
    const { status, json } = await editorApi.rest(`/api/articles/${article.id}/workflow`, { method: 'POST', body: { action: 'publish' } })
    expect(status).toBe(409)
    expect(json.errors[0].message).toBe('署名“邓一鸣（桂阳县委宣传部）”尚待编辑确认，确认后才能签发或排期')
  })

  it('cannot be published by saving it as published (the 签发 button in the document controls)', async () => {
    const article = await approvedCrediting('宁远简讯', await propose('欧阳青'))
    const { updatedAt } = await payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 })
    const { status, json } = await editorApi.rest(`/api/articles/${article.id}`, { method: 'PATCH', body: { _status: 'published', updatedAt } })
    expect(status).toBe(409)
    expect(json.errors[0].message).toContain('署名“欧阳青（桂阳县委宣传部）”尚待编辑确认')
    expect(await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })).toMatchObject({ workflowState: 'signed', _status: 'draft' })
  })

  it('cannot be added to a published article’s public version, nor to a scheduled article the scheduler will publish', async () => {
    const published = await approvedCrediting('郴州三资篇', await propose('郭一凡').then(confirm))
    await transitionAs(payload, staff.editor, { id: published.id, action: 'publish' })
    const newcomer = await propose('郭二凡')
    const withNewcomer = { bylines: [{ byline: newcomer.id, role: 'correspondent' }] } as never
    // A draft of the change may wait for the confirmation; signed at 终审, it still may not go public.
    await expect(payload.update({ collection: 'articles', id: published.id, data: withNewcomer, draft: true, ...as(staff.editor) })).resolves.toBeTruthy()
    await signFinal(payload, staff, published.id)
    await expect(payload.update({ collection: 'articles', id: published.id, data: { _status: 'published' }, draft: false, ...as(staff.editor) })).rejects.toThrow('署名“郭二凡（桂阳县委宣传部）”尚待编辑确认')

    const scheduled = await approvedCrediting('郴州科技篇', await propose('郭三凡').then(confirm))
    await transitionAs(payload, staff.editor, { id: scheduled.id, action: 'schedule', publishAt: IN_AN_HOUR() })
    await expect(payload.update({ collection: 'articles', id: scheduled.id, data: withNewcomer, draft: true, ...as(staff.editor) })).rejects.toThrow('稿件已排期：署名“郭二凡（桂阳县委宣传部）”尚待编辑确认')
    const run = await runDueSchedules(payload, new Date(Date.now() + 2 * 60 * 60 * 1000))
    expect(run.published).toContain(scheduled.id)
  })
})

describe('a journalist’s new article', () => {
  it('starts with the journalist’s own byline, as 本报记者', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '记者自己写的稿' } as never, draft: true, ...as(staff.journalist) })
    expect(article.bylines?.map((entry) => ({ byline: relationId(entry.byline), role: entry.role }))).toEqual([{ byline: relationId(staff.journalist.byline), role: 'staffReporter' }])
  })

  it('keeps the bylines the writer chose, and gives none to an account without a byline', async () => {
    const correspondent = await propose('龙小山')
    const chosen = await payload.create({ collection: 'articles', data: { title: '只署通讯员的稿', bylines: [{ byline: correspondent.id, role: 'correspondent' }] } as never, draft: true, ...as(staff.journalist) })
    expect(chosen.bylines?.map((entry) => relationId(entry.byline))).toEqual([correspondent.id])
    const byEditor = await payload.create({ collection: 'articles', data: { title: '编辑建的稿' } as never, draft: true, ...as(staff.editor) })
    expect(byEditor.bylines ?? []).toEqual([])
  })
})
