import type { Payload } from 'payload'

import type { Article, User } from '@payload-types'
import { inProcessClient, type InProcessClient, signedInClient } from '../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { transitionAs } from '../../../helpers/workflow'

let payload: Payload
let staff: Staff

useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

const client = (user: User): Promise<InProcessClient> => signedInClient(payload, user.email, STAFF_PASSWORD)
const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })
const bodyOf = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }] },
})

describe('POST /api/proofread', () => {
  it('returns the findings of a text in the documented shape, offsets as JavaScript counts them', async () => {
    const text = '𠀀我们要再接再励,把好事办好。'
    const { status, json } = await (await client(staff.editor)).rest('/api/proofread', { method: 'POST', body: { text } })
    expect(status).toBe(200)
    expect(Object.keys(json).sort()).toEqual(['characters', 'errorsPer10k', 'findings'])
    expect(json.findings.map((finding: any) => [finding.category, finding.severity, finding.field, text.slice(finding.offset, finding.offset + finding.length), finding.text, finding.suggestion])).toEqual([
      ['typo', 'error', 'text', '再接再励', '再接再励', '再接再厉'],
      ['punctuation', 'error', 'text', ',', ',', '，'],
    ])
    expect(json.characters).toBe(15)
    expect(json.errorsPer10k).toBeCloseTo((2 / 15) * 10_000, 1)
  })

  it('reports a term administrators add to the 禁用词 list', async () => {
    await payload.create({ collection: 'proofreading-terms', data: { term: '某某专用词', severity: 'error', suggestion: '规范说法' } })
    const { json } = await (await client(staff.proofreader)).rest('/api/proofread', { method: 'POST', body: { text: '这里用了某某专用词。' } })
    expect(json.findings).toEqual([expect.objectContaining({ category: 'sensitive', text: '某某专用词', suggestion: '规范说法' })])
  })

  it('checks a stored article field by field', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '成份检测', body: bodyOf('记者张福芳报道：今年投资2千万元。') } as never, draft: true, ...as(staff.journalist) })
    const { json } = await (await client(staff.journalist)).rest('/api/proofread', { method: 'POST', body: { article: article.id } })
    expect(json.findings.map((finding: any) => [finding.field, finding.text])).toEqual([
      ['title', '成份'],
      ['body', '2千'],
    ])
  })

  it('refuses bad input with a 4xx and a Chinese message', async () => {
    const editor = await client(staff.editor)
    const tooLong = await editor.rest('/api/proofread', { method: 'POST', body: { text: '字'.repeat(200_001) } })
    expect([tooLong.status, tooLong.json.errors[0].message]).toEqual([413, '文本过长：一次最多校对 200,000 个字符，收到 200,001 个'])
    for (const body of [{}, { text: 42 }, { text: null }]) {
      const reply = await editor.rest('/api/proofread', { method: 'POST', body })
      expect(reply.status).toBe(400)
      expect(reply.json.errors[0].message).toContain('text 须为字符串')
    }
    const unknown = await editor.rest('/api/proofread', { method: 'POST', body: { article: 987654 } })
    expect([unknown.status, unknown.json.errors[0].message]).toEqual([404, '稿件不存在或您无权查看'])
    const anonymous = await inProcessClient(payload).rest('/api/proofread', { method: 'POST', body: { text: '文字' } })
    expect(anonymous.status).toBe(401)
  })

  it('hides another journalist’s article as unknown', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '别人的稿件' }, draft: true, ...as(staff.otherJournalist) })
    const { status } = await (await client(staff.journalist)).rest('/api/proofread', { method: 'POST', body: { article: article.id } })
    expect(status).toBe(404)
  })
})

describe('the 校对 gate before 校对 and 终审', () => {
  async function waitingForProofreading(title: string, text: string): Promise<Article> {
    const article = await payload.create({ collection: 'articles', data: { title, body: bodyOf(text) } as never, draft: true, ...as(staff.journalist) })
    await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
    await transitionAs(payload, staff.editor, { id: article.id, action: 'sign', level: 'first' })
    return transitionAs(payload, staff.deskHead, { id: article.id, action: 'sign', level: 'second' })
  }

  it('refuses the proofreading signature while an error is neither fixed nor waived, naming it', async () => {
    const article = await waitingForProofreading('门禁测试一', '我们要再接再励。')
    await expect(transitionAs(payload, staff.proofreader, { id: article.id, action: 'sign', level: 'proofreading' })).rejects.toThrow('校对还有 1 处差错未改正或豁免，不能校对签字：“再接再励”')
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.workflowState).toBe('pendingProofreading')
  })

  it('lets the proofreader sign once the error is fixed', async () => {
    const article = await waitingForProofreading('门禁测试二', '我们要再接再励。')
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: { body: bodyOf('我们要再接再厉。') as never }, ...as(staff.proofreader) })
    expect((await transitionAs(payload, staff.proofreader, { id: article.id, action: 'sign', level: 'proofreading' })).workflowState).toBe('pendingFinal')
  })

  it('lets a waived finding through, records who waived it and why, and refuses a waiver without a reason', async () => {
    const article = await waitingForProofreading('门禁测试三', '他说再接再励,好。')
    const proofreader = await client(staff.proofreader)
    const { json: review } = await proofreader.rest(`/api/articles/${article.id}/proofreading`)
    const errors = review.findings.filter((finding: any) => finding.severity === 'error')
    expect(errors.map((finding: any) => finding.text)).toEqual(['再接再励', ','])
    const noReason = await proofreader.rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'waive', finding: errors[0], reason: '  ' } })
    expect([noReason.status, noReason.json.errors[0].message]).toEqual([400, '豁免须写明理由（reason）'])
    const waived = await proofreader.rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'waive', finding: errors[0], reason: '引语照录原文' } })
    expect(waived.status).toBe(200)
    expect(waived.json.findings.map((finding: any) => [finding.text, finding.waiver?.reason ?? null])).toEqual([
      ['再接再励', '引语照录原文'],
      [',', null],
    ])
    await expect(transitionAs(payload, staff.proofreader, { id: article.id, action: 'sign', level: 'proofreading' })).rejects.toThrow('校对还有 1 处差错')
    await proofreader.rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'waive', finding: errors[1], reason: '原稿如此' } })
    expect((await transitionAs(payload, staff.proofreader, { id: article.id, action: 'sign', level: 'proofreading' })).workflowState).toBe('pendingFinal')
    const { docs } = await payload.find({ collection: 'proofreading-waivers', where: { article: { equals: article.id } }, sort: 'createdAt' })
    expect(docs.map((doc) => [doc.text, doc.reason, (doc.waivedBy as User).id])).toEqual([
      ['再接再励', '引语照录原文', staff.proofreader.id],
      [',', '原稿如此', staff.proofreader.id],
    ])
  })

  it('refuses a waiver from a journalist, and of a finding the article no longer has', async () => {
    const article = await waitingForProofreading('门禁测试四', '我们要再接再励。')
    const finding = { field: 'body', category: 'typo', text: '再接再励', message: '“再接再励”应为“再接再厉”：“厉”同“砺”，磨快' }
    const journalist = await (await client(staff.journalist)).rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'waive', finding, reason: '我觉得没错' } })
    expect(journalist.status).toBe(403)
    const gone = await (await client(staff.proofreader)).rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'waive', finding: { ...finding, text: '不存在' }, reason: '理由' } })
    expect(gone.status).toBe(409)
    expect(await payload.count({ collection: 'proofreading-waivers', where: { article: { equals: article.id } } })).toEqual({ totalDocs: 0 })
  })
})

describe('taking the checker’s suggestions', () => {
  const bodyText = (article: Article) => JSON.stringify(article.body)

  it('puts one suggestion into the stored draft, in the body’s own text node', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '采纳测试一', body: bodyOf('我们要再接再励,把好事办好。') } as never, draft: true, ...as(staff.editor) })
    const editor = await client(staff.editor)
    const { json: review } = await editor.rest(`/api/articles/${article.id}/proofreading`)
    const typo = review.findings.find((finding: any) => finding.category === 'typo')
    const { status, json } = await editor.rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'accept', finding: typo, updatedAt: article.updatedAt } })
    expect([status, json.applied]).toEqual([200, 1])
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(bodyText(stored)).toContain('我们要再接再厉,把好事办好。')
    expect(json.findings.map((finding: any) => finding.text)).toEqual([','])
  })

  it('takes every punctuation suggestion at once, in the headline and the body', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '党建引领,"红色引擎"激发活力', body: bodyOf('他说:"好的"。我们去了;然后回来!') } as never, draft: true, ...as(staff.editor) })
    const { status, json } = await (await client(staff.proofreader)).rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'acceptAll', categories: ['punctuation'] } })
    expect(status).toBe(200)
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.title).toBe('党建引领，“红色引擎”激发活力')
    expect(bodyText(stored)).toContain('他说：“好的”。我们去了；然后回来！')
    expect(json.findings.filter((finding: any) => finding.category === 'punctuation')).toEqual([])
  })

  it('refuses to take a suggestion into a copy someone else changed since it was checked, changing nothing', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '采纳测试三', body: bodyOf('我们要再接再励。') } as never, draft: true, ...as(staff.editor) })
    const stale = article.updatedAt
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: { summary: '另一位编辑的导语' }, ...as(staff.otherEditor) })
    const { status, json } = await (await client(staff.editor)).rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'acceptAll', updatedAt: stale } })
    expect([status, json.errors[0].message]).toEqual([409, '稿件已被修改：请先保存或刷新，再采纳校对建议'])
    expect(bodyText(await payload.findByID({ collection: 'articles', id: article.id, draft: true }))).toContain('再接再励')
  })

  it('lists waivers on the 审稿单 with who gave them and why', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '审稿单豁免', body: bodyOf('再接再励。') } as never, draft: true, ...as(staff.journalist) })
    const proofreader = await client(staff.proofreader)
    const { json: review } = await proofreader.rest(`/api/articles/${article.id}/proofreading`)
    await proofreader.rest(`/api/articles/${article.id}/proofreading`, { method: 'POST', body: { action: 'waive', finding: review.findings[0], reason: '引语照录' } })
    const { json: sheet } = await proofreader.rest(`/api/articles/${article.id}/review-sheet`)
    expect(sheet.waivers).toEqual([expect.objectContaining({ text: '再接再励', reason: '引语照录', waivedByName: '校对' })])
  })
})
