import { createLocalReq, type Payload } from 'payload'

import type { Article, User, WorkflowEvent } from '@payload-types'
import type { ReviewLevel } from '@/newsroom/reviewChain'
import { publicStatusFor, type WorkflowAction, WorkflowError, type WorkflowState } from '@/newsroom/workflow'
import { transitionArticle } from '@/workflow/transitionArticle'
import { signRemainingLevels, transitionAs } from '../../helpers/workflow'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let staff: Staff

useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

const paragraph = (text: string) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }],
  },
})

const act = (user: User, id: number | string, action: WorkflowAction, note?: string, level?: ReviewLevel) => transitionAs(payload, user, { id, action, note, level })

const draftBy = (user: User, title: string) =>
  payload.create({
    collection: 'articles',
    data: { title, body: paragraph(`${title}的正文`) } as never,
    draft: true,
    user: { ...user, collection: 'users' },
    overrideAccess: false,
  })

async function history(id: number | string): Promise<WorkflowEvent[]> {
  const { docs } = await payload.find({ collection: 'workflow-events', where: { article: { equals: id } }, sort: 'createdAt', limit: 50 })
  return docs
}

async function expectStateAndStatusAgree() {
  const { docs } = await payload.find({ collection: 'articles', limit: 200, depth: 0 })
  for (const doc of docs) expect(doc._status).toBe(publicStatusFor(doc.workflowState as WorkflowState))
}

describe('the editorial workflow', () => {
  it('takes a journalist draft through submit, return, resubmit, the four signatures and publish, recording every step', async () => {
    const article = await draftBy(staff.journalist, '红色网格调查')
    expect(article.workflowState).toBe('draft')
    expect((article.owner as User | number)).toEqual(expect.anything())

    await act(staff.journalist, article.id, 'submit')
    await expect(act(staff.editor, article.id, 'return')).rejects.toThrow('退回稿件时必须写明退回理由')
    await expect(act(staff.editor, article.id, 'return', '导语太长，请压缩到两句')).rejects.toThrow('请说明审级 level')
    await act(staff.editor, article.id, 'return', '导语太长，请压缩到两句', 'first')
    await payload.update({
      collection: 'articles', id: article.id, draft: true, data: { summary: '两句导语。' },
      user: { ...staff.journalist, collection: 'users' }, overrideAccess: false,
    })
    await act(staff.journalist, article.id, 'submit', '已修改')
    await signRemainingLevels(payload, staff, article.id)
    const published = await act(staff.editor, article.id, 'publish')

    expect(published._status).toBe('published')
    expect(published.workflowState).toBe('published')
    expect(published.publishedAt).toBeTruthy()
    expect(published.summary).toBe('两句导语。')

    const steps = await history(article.id)
    expect(steps.map((event) => [event.action, event.from, event.to])).toEqual([
      ['submit', 'draft', 'pendingFirst'],
      ['return', 'pendingFirst', 'returned'],
      ['submit', 'returned', 'pendingFirst'],
      ['sign', 'pendingFirst', 'pendingSecond'],
      ['sign', 'pendingSecond', 'pendingProofreading'],
      ['sign', 'pendingProofreading', 'pendingFinal'],
      ['sign', 'pendingFinal', 'signed'],
      ['publish', 'signed', 'published'],
    ])
    expect(steps.map((event) => [event.level ?? null, event.round ?? null])).toEqual([[null, null], ['first', 1], [null, null], ['first', 2], ['second', 2], ['proofreading', 2], ['final', 2], [null, null]])
    expect(steps[1].note).toBe('导语太长，请压缩到两句')
    expect((steps[1].actor as User).id ?? steps[1].actor).toBe(staff.editor.id)
    await expectStateAndStatusAgree()
  })

  it('refuses a journalist who tries to sign or publish, saying why', async () => {
    const article = await draftBy(staff.journalist, '记者不能签发')
    await act(staff.journalist, article.id, 'submit')
    await expect(act(staff.journalist, article.id, 'sign', undefined, 'first')).rejects.toThrow('您的角色无权签字')
    await expect(act(staff.journalist, article.id, 'publish')).rejects.toThrow(WorkflowError)
  })

  it('refuses to publish straight from a draft, naming the current state', async () => {
    const article = await draftBy(staff.editor, '未经审核')
    await expect(act(staff.editor, article.id, 'publish')).rejects.toThrow('稿件当前状态为“草稿”，不能发布')
  })

  it('lets only the owner journalist submit, and no one edit it while it waits for review', async () => {
    const article = await draftBy(staff.journalist, '他人不能提交')
    await expect(act(staff.otherJournalist, article.id, 'submit')).rejects.toThrow(WorkflowError)
    await act(staff.journalist, article.id, 'submit')
    await expect(
      payload.update({ collection: 'articles', id: article.id, draft: true, data: { title: '偷改' }, user: { ...staff.journalist, collection: 'users' }, overrideAccess: false }),
    ).rejects.toThrow()
  })

  it('keeps the workflow state out of reach of an ordinary save', async () => {
    const article = await draftBy(staff.journalist, '状态不能直接改')
    const saved = await payload.update({
      collection: 'articles', id: article.id, draft: true, data: { workflowState: 'signed' } as never,
      user: { ...staff.journalist, collection: 'users' }, overrideAccess: false,
    })
    expect(saved.workflowState).toBe('draft')
  })

  it('retracts a published article: the URL keeps a notice, the text leaves the public record but stays in the history', async () => {
    const article = await draftBy(staff.journalist, '将被撤稿的报道')
    await act(staff.journalist, article.id, 'submit')
    await signRemainingLevels(payload, staff, article.id)
    await act(staff.editor, article.id, 'publish')
    await expect(act(staff.editor, article.id, 'retract', '编辑想撤稿')).rejects.toThrow('您的角色无权撤稿')
    await expect(act(staff.chiefEditor, article.id, 'retract')).rejects.toThrow('撤稿时必须填写')
    const retracted = await act(staff.chiefEditor, article.id, 'retract', '本文部分数据有误，经核实予以撤稿。')
    expect(retracted.workflowState).toBe('retracted')
    expect(retracted._status).toBe('published')

    const asReader = await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: false, depth: 0 })
    expect(asReader.title).toBe('将被撤稿的报道')
    expect(asReader.retraction?.notice).toBe('本文部分数据有误，经核实予以撤稿。')
    expect(JSON.stringify(asReader)).not.toContain('将被撤稿的报道的正文')

    const versions = await payload.findVersions({ collection: 'articles', where: { parent: { equals: article.id } }, limit: 50 })
    expect(versions.docs.some((version) => JSON.stringify(version.version.body).includes('将被撤稿的报道的正文'))).toBe(true)
    await expect(act(staff.editor, article.id, 'publish')).rejects.toThrow(WorkflowError)
    await expectStateAndStatusAgree()
  })

  it('treats the admin 发布 button on a signed article as the publish step, and records it', async () => {
    const article = await draftBy(staff.journalist, '用发布按钮签发')
    await act(staff.journalist, article.id, 'submit')
    await signRemainingLevels(payload, staff, article.id)
    const published = await payload.update({
      collection: 'articles', id: article.id, data: { _status: 'published' },
      user: { ...staff.editor, collection: 'users' }, overrideAccess: false,
    })
    expect(published.workflowState).toBe('published')
    expect((await history(article.id)).at(-1)).toMatchObject({ action: 'publish', from: 'signed', to: 'published' })
  })

  it('refuses the admin 发布 button on an article that has not passed 三审, naming the missing levels', async () => {
    const article = await draftBy(staff.editor, '未审先发')
    await expect(
      payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, user: { ...staff.editor, collection: 'users' }, overrideAccess: false }),
    ).rejects.toThrow('稿件当前状态为“草稿”，稿件尚未完成三审，缺少初审、复审、校对、终审，不能发布')
  })

  it('refuses a silent unpublish of a published article and points to retraction', async () => {
    const article = await draftBy(staff.editor, '不能悄悄下线')
    await act(staff.editor, article.id, 'submit')
    await signRemainingLevels(payload, staff, article.id)
    await act(staff.editor, article.id, 'publish')
    await expect(
      payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' }, user: { ...staff.editor, collection: 'users' }, overrideAccess: false }),
    ).rejects.toThrow('撤稿')
  })

  it('publishes a dated correction that readers see once the 终审 signed it, recorded as a published change', async () => {
    const article = await draftBy(staff.editor, '需要更正的报道')
    await act(staff.editor, article.id, 'submit')
    await signRemainingLevels(payload, staff, article.id)
    const published = await act(staff.editor, article.id, 'publish')
    const correction = { corrections: [{ correctedAt: '2025-11-14T02:00:00.000Z', note: '原文“2024年”应为“2025年”。' }] }
    const asEditor = { user: { ...staff.editor, collection: 'users' as const }, overrideAccess: false }
    await expect(payload.update({ collection: 'articles', id: article.id, draft: false, data: { _status: 'published', ...correction }, ...asEditor })).rejects.toThrow(
      '稿件在终审签发后有改动，改动须经终审重新签发后才能发布',
    )
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: correction, ...asEditor })
    await act(staff.chiefEditor, article.id, 'sign', '同意更正', 'final')
    await payload.update({ collection: 'articles', id: article.id, draft: false, data: { _status: 'published' }, ...asEditor })
    const asReader = (await payload.findByID({ collection: 'articles', id: article.id, overrideAccess: false })) as Article
    expect(asReader.corrections?.[0].note).toBe('原文“2024年”应为“2025年”。')
    expect(asReader.publishedAt).toBe(published.publishedAt)
    expect((await history(article.id)).at(-1)).toMatchObject({ action: 'publishChanges', from: 'published', to: 'published' })
  })

  it('lets only the transition’s own write through: a later save in the same request is checked again', async () => {
    const article = await draftBy(staff.editor, '同一请求中的后续保存')
    const req = await createLocalReq({ user: { ...staff.editor, collection: 'users' } }, payload)
    await transitionArticle(payload, req, { id: article.id, action: 'submit' })
    await expect(
      payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, req, overrideAccess: false }),
    ).rejects.toThrow('稿件当前状态为“待初审”，稿件尚未完成三审，缺少初审、复审、校对、终审，不能发布')
    expect((await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })).workflowState).toBe('pendingFirst')
  })

  it('does not let a journalist add corrections', async () => {
    const article = await draftBy(staff.journalist, '记者不能加更正')
    const saved = await payload.update({
      collection: 'articles', id: article.id, draft: true, data: { corrections: [{ correctedAt: new Date().toISOString(), note: '自行更正' }] },
      user: { ...staff.journalist, collection: 'users' }, overrideAccess: false,
    })
    expect(saved.corrections ?? []).toHaveLength(0)
  })
})
