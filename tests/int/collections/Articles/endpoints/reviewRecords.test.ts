import type { Payload } from 'payload'

import type { Article, User } from '@payload-types'
import { bodyCharacterCount } from '@/newsroom/characterCount'
import { contentHash } from '@/newsroom/reviewChain'
import { SEED_CONTEXT } from '@/seed/seedNewsroom'
import { inProcessClient, type InProcessClient, signedInClient } from '../../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'
import { transitionAs } from '../../../../helpers/workflow'

let payload: Payload
let staff: Staff
let signedArticle: Article

const LEAD = '湖南日报3月3日讯（全媒体记者 张福芳）今年全省将新改建农村公路5000公里，打通农村公路“微循环”。'
const bodyOf = (...paragraphs: string[]) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: paragraphs.map((text) => ({ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] })),
  },
})
const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })
const client = (user: User): Promise<InProcessClient> => signedInClient(payload, user.email, STAFF_PASSWORD)
const editAs = (user: User, id: Article['id'], data: Partial<Article>) => payload.update({ collection: 'articles', id, draft: true, data, ...as(user) })

async function versionIds(id: Article['id']): Promise<string[]> {
  const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } }, sort: 'updatedAt', limit: 100, depth: 0 })
  return docs.map((doc) => String(doc.id))
}

/**
 * A journalist's story through the whole chain, each level changing something: the editor
 * fixes one character, the desk head lengthens the headline, the proofreader changes nothing.
 */
useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  const draft = await payload.create({ collection: 'articles', data: { title: '全省今年新改建农村公路5000公里', body: bodyOf(LEAD, '据统计，去年全省完成提质改造4800公里。') } as never, draft: true, ...as(staff.journalist) })
  await transitionAs(payload, staff.journalist, { id: draft.id, action: 'submit' })
  await transitionAs(payload, staff.editor, { id: draft.id, action: 'return', level: 'first', note: '导语请写明数据来源' })
  await editAs(staff.journalist, draft.id, { body: bodyOf(LEAD.replace('记者从', ''), '据省交通运输厅统计，去年全省完成提质改造4800公里。') as never })
  await transitionAs(payload, staff.journalist, { id: draft.id, action: 'submit' })
  await editAs(staff.editor, draft.id, { body: bodyOf(LEAD.replace('张福芳', '张福方'), '据省交通运输厅统计，去年全省完成提质改造4800公里。') as never })
  await transitionAs(payload, staff.editor, { id: draft.id, action: 'sign', level: 'first', note: '同意，请复审' })
  await editAs(staff.deskHead, draft.id, { title: '全省今年新改建农村公路5000公里（湘）' })
  await transitionAs(payload, staff.deskHead, { id: draft.id, action: 'sign', level: 'second' })
  await transitionAs(payload, staff.proofreader, { id: draft.id, action: 'sign', level: 'proofreading', note: '已校' })
  signedArticle = await transitionAs(payload, staff.chiefEditor, { id: draft.id, action: 'sign', level: 'final', note: '同意签发' })
})

describe('GET /api/articles/:id/review-sheet', () => {
  it('names each level’s signer, capacity, time, opinion and the text it signed', async () => {
    const { status, json } = await (await client(staff.editor)).rest(`/api/articles/${signedArticle.id}/review-sheet`)
    expect(status).toBe(200)
    expect(json.article).toEqual(expect.objectContaining({ id: signedArticle.id, title: '全省今年新改建农村公路5000公里（湘）', desk: '测试部', author: '记者', wordCount: bodyCharacterCount(signedArticle.body) }))
    expect(json.levels.map((level: any) => [level.level, level.required, level.signer?.name, level.signer?.role, level.opinion])).toEqual([
      ['first', true, '编辑', '编辑（责任编辑）', '同意，请复审'],
      ['second', true, '部门主任', '部门主任', null],
      ['proofreading', true, '校对', '校对', '已校'],
      ['final', true, '总编辑', '总编辑 / 值班总编', '同意签发'],
    ])
    const stored = await payload.findVersionByID({ collection: 'articles', id: json.levels[3].version, depth: 0 })
    expect(json.levels[3].contentHash).toBe(contentHash(stored.version as never))
    expect(json.levels[3].contentHash).toBe(contentHash(signedArticle as never))
    expect(json.levels.every((level: any) => typeof level.signedAt === 'string')).toBe(true)
  })

  it('counts what each level changed, in characters', async () => {
    const { json } = await (await client(staff.chiefEditor)).rest(`/api/articles/${signedArticle.id}/review-sheet`)
    expect(json.levels.map((level: any) => level.changes)).toEqual([
      { inserted: 1, deleted: 1 },
      { inserted: 3, deleted: 0 },
      { inserted: 0, deleted: 0 },
      { inserted: 0, deleted: 0 },
    ])
  })

  it('lists the return with its level and reason, and the proofreading signature', async () => {
    const { json } = await (await client(staff.deskHead)).rest(`/api/articles/${signedArticle.id}/review-sheet`)
    expect(json.returns).toEqual([expect.objectContaining({ level: 'first', label: '初审', round: 1, note: '导语请写明数据来源', by: expect.objectContaining({ name: '编辑' }) })])
    expect(json.proofreading).toEqual([expect.objectContaining({ level: 'proofreading', round: 2, opinion: '已校', signer: expect.objectContaining({ name: '校对' }) })])
    expect(json.notice).toBeNull()
  })

  it('says an article published before 三审 has no signatures, inventing none', async () => {
    const old = await payload.create({ collection: 'articles', data: { title: '三审之前发布的稿件', _status: 'published', workflowState: 'published' } as never, context: SEED_CONTEXT })
    const { json } = await (await client(staff.editor)).rest(`/api/articles/${old.id}/review-sheet`)
    expect(json.notice).toBe('本稿件在启用三审之前发布，没有三审签字记录。')
    expect(json.levels.map((level: any) => level.signer)).toEqual([null, null, null, null])
  })

  it('is refused to anonymous callers and to a journalist who may not read the article, without a body to read', async () => {
    const anonymous = await inProcessClient(payload).rest(`/api/articles/${signedArticle.id}/review-sheet`)
    expect(anonymous.status).toBe(401)
    const other = await (await client(staff.otherJournalist)).rest(`/api/articles/${signedArticle.id}/review-sheet`)
    expect([other.status, other.json.errors[0].message]).toEqual([404, '稿件不存在或您无权查看'])
    const missing = await (await client(staff.editor)).rest('/api/articles/987654/review-sheet')
    expect(missing.status).toBe(404)
  })
})

describe('GET /api/articles/:id/diff', () => {
  it('returns the editor’s one-character fix as one delete and one insert in the body', async () => {
    const versions = await versionIds(signedArticle.id)
    const events = await payload.find({ collection: 'workflow-events', where: { article: { equals: signedArticle.id }, action: { in: ['submit', 'sign'] } }, sort: 'createdAt', depth: 0 })
    const [, resubmitted, firstSigned] = events.docs.map((event) => event.version!)
    expect(versions).toEqual(expect.arrayContaining([resubmitted, firstSigned]))
    const { status, json } = await (await client(staff.editor)).rest(`/api/articles/${signedArticle.id}/diff?from=${resubmitted}&to=${firstSigned}`)
    expect(status).toBe(200)
    const body = json.fields.find((field: any) => field.field === 'body')
    expect(body.ops.filter((op: any) => op.op !== 'equal')).toEqual([
      { op: 'delete', text: '芳' },
      { op: 'insert', text: '方' },
    ])
    const title = json.fields.find((field: any) => field.field === 'title')
    expect(title.ops).toEqual([{ op: 'equal', text: '全省今年新改建农村公路5000公里' }])
  })

  it('refuses a request without both versions, and a version of another article', async () => {
    const editor = await client(staff.editor)
    const [first] = await versionIds(signedArticle.id)
    const missing = await editor.rest(`/api/articles/${signedArticle.id}/diff?from=${first}`)
    expect([missing.status, missing.json.errors[0].message]).toEqual([400, '请用 from 和 to 两个参数给出要比较的版本编号'])
    const other = await payload.create({ collection: 'articles', data: { title: '另一篇稿件' }, draft: true, ...as(staff.editor) })
    const [foreign] = await versionIds(other.id)
    const crossed = await editor.rest(`/api/articles/${signedArticle.id}/diff?from=${first}&to=${foreign}`)
    expect(crossed.status).toBe(404)
    const anonymous = await inProcessClient(payload).rest(`/api/articles/${signedArticle.id}/diff?from=${first}&to=${first}`)
    expect(anonymous.status).toBe(401)
  })
})

describe('the signers’ names on the article', () => {
  it('records the 初审, 复审 and 终审 signers for the reader page, and not the proofreader', async () => {
    const stored = await payload.findByID({ collection: 'articles', id: signedArticle.id, draft: true, depth: 0 })
    expect(stored.reviewSigners).toEqual(expect.objectContaining({ first: '编辑', second: '部门主任', final: '总编辑' }))
  })

  it('keeps who saved each version', async () => {
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: signedArticle.id } }, sort: 'updatedAt', limit: 100, depth: 0 })
    const savers = new Set(docs.map((doc) => String((doc.version as Article).savedBy ?? 'scheduler')))
    expect(savers).toEqual(new Set([staff.journalist, staff.editor, staff.deskHead, staff.proofreader, staff.chiefEditor].map((user) => String(user.id))))
  })
})
