import type { Payload } from 'payload'

import type { Article, User } from '@payload-types'
import type { Role } from '@/access/roles'
import { relationId } from '@/data/relationId'
import { contentHash, REVIEW_LEVEL_LABELS, REVIEW_LEVELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { PENDING_STATES, WorkflowError } from '@/newsroom/workflow'
import { runDueSchedules } from '@/workflow/scheduler'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { inProcessGraphql } from '../../helpers/inProcessGraphql'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { publishChange, publishThroughChain, signRemainingLevels, signUpTo, transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let deskId: number

useTestPayload({ staff: true }, (booted) => {
  ;({ payload, staff } = booted)
  deskId = relationId(staff.editor.desks?.[0]) as number
})

/** A controlled clock for scheduling, years ahead of the machine's. */
const T0 = new Date('2030-03-01T02:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

const as = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })
const paragraph = (text: string) => ({
  root: {
    type: 'root', format: '', indent: 0, version: 1, direction: 'ltr',
    children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }],
  },
})

const draft = (title: string, data: Record<string, unknown> = {}, by: User = staff.journalist) =>
  payload.create({ collection: 'articles', draft: true, data: { title, body: paragraph(`${title}的正文。`), ...data } as never, ...as(by) })
const sign = (user: User, id: number, level: ReviewLevel) => transitionAs(payload, user, { id, action: 'sign', level })
const signerOf = (level: ReviewLevel): User => ({ first: staff.editor, second: staff.deskHead, proofreading: staff.proofreader, final: staff.chiefEditor })[level]

/** A draft (the journalist's unless said), submitted, and signed by the usual signers until it waits for `level`; `null`: 已签发. */
async function waitingFor(level: ReviewLevel | null, title: string, data: Record<string, unknown> = {}, by: User = staff.journalist): Promise<Article> {
  const created = await draft(title, data, by)
  await transitionAs(payload, by, { id: created.id, action: 'submit' })
  return level ? signUpTo(payload, staff, created.id, level) : signRemainingLevels(payload, staff, created.id)
}
/** A 已签发 article (scheduled at `publishAt` when given) that an editor changed afterwards. */
async function changedAfterSigning(title: string, publishAt?: Date): Promise<Article> {
  const { id } = await waitingFor(null, title)
  if (publishAt) await transitionAs(payload, staff.editor, { id, action: 'schedule', publishAt, now: T0 })
  await payload.update({ collection: 'articles', id, draft: true, data: { summary: `${title}：签发后加的导语。` }, ...as(staff.editor) })
  return payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
}
const published = async (title: string) => {
  const created = await draft(title)
  return publishThroughChain(payload, staff, created.id)
}

const hashOf = (article: Article) => contentHash(article as unknown as Record<string, unknown>)
const stored = (id: number) => payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
/** What readers get: the published copy, or null. */
const publicCopy = async (id: number) => (await payload.find({ collection: 'articles', where: { id: { equals: id } }, overrideAccess: false, depth: 0 })).docs[0] ?? null
const signatures = async (id: number) =>
  (await payload.find({ collection: 'workflow-events', where: { article: { equals: id }, action: { equals: 'sign' } }, sort: 'createdAt', depth: 0, pagination: false })).docs

/** Everything a refused attempt must leave as it was: state, status, text, history, versions. */
async function footprint(id: number) {
  const latest = await stored(id)
  const events = await payload.count({ collection: 'workflow-events', where: { article: { equals: id } } })
  const versions = await payload.findVersions({ collection: 'articles', where: { parent: { equals: id } }, limit: 1, depth: 0 })
  const live = await payload.findByID({ collection: 'articles', id, depth: 0 })
  return { state: latest.workflowState, status: live._status, updatedAt: latest.updatedAt, text: hashOf(latest), events: events.totalDocs, versions: versions.totalDocs }
}

/** Runs the attempt and checks it wrote nothing; resolves to what it returned or the error it threw. */
async function leavesUnchanged<T>(id: number, attempt: () => Promise<T>): Promise<{ value?: T; error?: Error }> {
  const before = await footprint(id)
  const outcome = await attempt().then((value) => ({ value }), (error: Error) => ({ error }))
  expect(await footprint(id)).toEqual(before)
  return outcome
}
/** A workflow transition that must be refused with a WorkflowError, writing nothing; resolves to its message. */
async function refusal(id: number, attempt: () => Promise<unknown>): Promise<string> {
  const { error } = await leavesUnchanged(id, attempt)
  expect(error).toBeInstanceOf(WorkflowError)
  return error!.message
}

const account = (email: string, name: string, roles: Role[], extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'users', data: { email, name, roles, desks: [deskId], password: STAFF_PASSWORD, ...extra } as never }) as Promise<User>
const SIGNING_ROLES: Role[] = ['editor', 'deskHead', 'proofreader', 'chiefEditor']

const clients = new Map<string, InProcessClient>()
async function client(user: User): Promise<InProcessClient> {
  if (!clients.has(user.email)) clients.set(user.email, await signedInClient(payload, user.email, STAFF_PASSWORD))
  return clients.get(user.email)!
}

describe('who signs: four different people, none of them an author', () => {
  it('refuses 终审 to the editor who signed 初审 even when they also hold the chief editor role, saying why, and writes nothing', async () => {
    const both = await account('both@test.local', '兼任总编辑的编辑', ['editor', 'chiefEditor'])
    const article = await waitingFor('first', '一人不能签两级')
    await sign(both, article.id, 'first')
    await signUpTo(payload, staff, article.id, 'final')
    expect(await refusal(article.id, () => sign(both, article.id, 'final'))).toBe('您已签过本稿件的初审，同一人不能签两级')
    expect((await sign(staff.chiefEditor, article.id, 'final')).workflowState).toBe('signed')
  })

  const AUTHORS: Record<string, () => Promise<{ signer: User; article: Article; levels: readonly ReviewLevel[] }>> = {
    'its owner, a journalist who also holds every signing role': async () => {
      const owner = await account('owner@test.local', '身兼各审的记者', ['journalist', ...SIGNING_ROLES])
      return { signer: owner, article: await waitingFor('first', '作者不能审签', {}, owner), levels: REVIEW_LEVELS }
    },
    'a colleague credited in its bylines who holds every signing role': async () => {
      const byline = await payload.create({ collection: 'bylines', data: { name: '署名的审稿人', kind: 'staff' } as never })
      const credited = await account('credited@test.local', '署名的审稿人', SIGNING_ROLES, { byline: byline.id })
      const bylines = [{ byline: relationId(staff.journalist.byline), role: 'staffReporter' }, { byline: byline.id, role: 'reporter' }]
      return { signer: credited, article: await waitingFor('first', '署名者不能审签', { bylines }), levels: REVIEW_LEVELS }
    },
    'an editor credited as reporter in its bylines, at 初审': async () => {
      const byline = await payload.create({ collection: 'bylines', data: { name: '署名的编辑', kind: 'staff' } as never })
      const editor = await account('bylined-editor@test.local', '署名的编辑', ['editor'], { byline: byline.id })
      const bylines = [{ byline: relationId(staff.journalist.byline), role: 'staffReporter' }, { byline: byline.id, role: 'reporter' }]
      return { signer: editor, article: await waitingFor('first', '署名编辑不能初审', { bylines }), levels: ['first'] }
    },
  }

  it.each(Object.keys(AUTHORS))('refuses every level to %s, saying why, and writes nothing', async (who) => {
    const { signer, article, levels } = await AUTHORS[who]()
    for (const level of levels) {
      expect(await refusal(article.id, () => sign(signer, article.id, level))).toBe('稿件的作者和署名记者不能审签自己的稿件')
      await sign(signerOf(level), article.id, level)
    }
  })

  it('refuses 复审 to the head of another desk, saying whose it is, and writes nothing', async () => {
    const otherDesk = await payload.create({ collection: 'desks', data: { name: '另一部门' } as never })
    const otherHead = await account('head2@test.local', '另一部门主任', ['deskHead'], { desks: [otherDesk.id] })
    const article = await waitingFor('second', '他部门主任不能复审')
    expect(await refusal(article.id, () => sign(otherHead, article.id, 'second'))).toBe('复审须由稿件所属部门的部门主任签字')
    expect((await sign(staff.deskHead, article.id, 'second')).workflowState).toBe('pendingProofreading')
  })
})

describe('the order of the levels', () => {
  it.each([
    { level: 'second', missing: 'first' },
    { level: 'final', missing: 'proofreading' },
  ] as const)('refuses $level before $missing with a WorkflowError naming the missing level, and writes nothing', async ({ level, missing }) => {
    const article = await waitingFor(missing, `先签${level}`)
    const message = await refusal(article.id, () => sign(signerOf(level), article.id, level))
    expect(message).toMatch(new RegExp(`(应|须先完成)${REVIEW_LEVEL_LABELS[missing]}`))
    expect((await stored(article.id)).workflowState).toBe(PENDING_STATES[missing])
  })
})

describe('the chain of a desk, and of a column overriding it', () => {
  const deskWith = (name: string, reviewChain: Record<string, boolean>) => payload.create({ collection: 'desks', data: { name, reviewChain } as never })
  const levelsSigned = async (id: number) => (await signatures(id)).map((event) => event.level)

  it('skips 复审 on a desk whose chain has no 复审: 初审 leads to 校对', async () => {
    const desk = await deskWith('无复审部', { second: false })
    const article = await waitingFor('first', '无复审部的稿件', { desk: desk.id })
    expect((await sign(staff.editor, article.id, 'first')).workflowState).toBe('pendingProofreading')
    await signRemainingLevels(payload, staff, article.id)
    expect(await levelsSigned(article.id)).toEqual(['first', 'proofreading', 'final'])
  })

  it('skips 复审 for briefs only, on a desk whose briefs skip it', async () => {
    const desk = await deskWith('简讯免复审部', { briefsSkipSecond: true })
    const brief = await waitingFor('first', '简讯部的简讯', { desk: desk.id, articleType: 'brief' })
    const news = await waitingFor('first', '简讯部的消息', { desk: desk.id, articleType: 'news' })
    expect((await sign(staff.editor, brief.id, 'first')).workflowState).toBe('pendingProofreading')
    expect((await sign(staff.editor, news.id, 'first')).workflowState).toBe('pendingSecond')
  })

  it('follows a column that overrides its desk (no 校对), and the desk when the column does not override it', async () => {
    const column = (name: string, overridesDesk: boolean) => payload.create({ collection: 'columns', data: { name, reviewChain: { overridesDesk, proofreading: false } } as never })
    const overriding = await waitingFor('first', '单独设定流程的专栏稿', { column: (await column('免校对专栏', true)).id })
    const following = await waitingFor('first', '按部门流程的专栏稿', { column: (await column('未单独设定的专栏', false)).id })
    for (const article of [overriding, following]) await signRemainingLevels(payload, staff, article.id)
    expect(await levelsSigned(overriding.id)).toEqual(['first', 'second', 'final'])
    expect(await levelsSigned(following.id)).toEqual(['first', 'second', 'proofreading', 'final'])
  })
})

describe('a signature covers one text', () => {
  it('records, when a reviewer edits and then signs, the fingerprint of the text as they left it', async () => {
    const article = await waitingFor('first', '审稿人先改后签')
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: { title: '审稿人改过的标题' }, ...as(staff.editor) })
    const edited = await stored(article.id)
    await sign(staff.editor, article.id, 'first')
    const [signature] = await signatures(article.id)
    expect(signature.contentHash).toBe(hashOf(edited))
    expect(signature.contentHash).not.toBe(hashOf(article))
  })

  it('sends a signed article changed afterwards back to 待终审, and refuses to publish it by the workflow or by Payload’s publish', async () => {
    const article = await changedAfterSigning('签发后改动')
    expect(article.workflowState).toBe('pendingFinal')
    expect(await refusal(article.id, () => transitionAs(payload, staff.editor, { id: article.id, action: 'publish' }))).toContain('待终审')
    const { error } = await leavesUnchanged(article.id, () => payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, ...as(staff.editor) }))
    expect(error?.message).toContain('须经终审重新签发')
    expect(await publicCopy(article.id)).toBeNull()
  })

  it('lets the chief editor sign such a change again, then publishes exactly the text signed', async () => {
    const article = await changedAfterSigning('签发后改动再签')
    expect((await sign(staff.chiefEditor, article.id, 'final')).workflowState).toBe('signed')
    await transitionAs(payload, staff.editor, { id: article.id, action: 'publish' })
    const reader = await publicCopy(article.id)
    expect(reader?.summary).toBe(article.summary)
    expect(hashOf(reader!)).toBe((await signatures(article.id)).filter((signature) => signature.level === 'final').at(-1)!.contentHash)
  })
})

describe('every way to publish refuses what the chain has not finished', () => {
  const latestUpdatedAt = async (id: number) => (await stored(id)).updatedAt
  const messageOf = (attempt: Promise<unknown>) => attempt.then(() => null, (error: Error) => error.message)
  const restMessage = ({ status, json }: { status: number; json: any }) => (status >= 400 && status < 500 ? String(json?.errors?.[0]?.message) : null)
  const PATHS: [string, (id: number) => Promise<string | null>][] = [
    ['the workflow’s 发布', (id) => messageOf(transitionAs(payload, staff.editor, { id, action: 'publish' }))],
    ['the workflow’s 排期发布', (id) => messageOf(transitionAs(payload, staff.editor, { id, action: 'schedule', publishAt: new Date(Date.now() + 3_600_000) }))],
    ['Payload’s own publish (Local API, the editor)', (id) => messageOf(payload.update({ collection: 'articles', id, data: { _status: 'published' }, ...as(staff.editor) }))],
    ['a REST PATCH with _status published', async (id) => restMessage(await (await client(staff.editor)).rest(`/api/articles/${id}`, { method: 'PATCH', body: { _status: 'published', updatedAt: await latestUpdatedAt(id) } }))],
    [
      'a GraphQL updateArticle with _status published',
      async (id) => {
        const mutation = 'mutation ($id: Int!, $at: String) { updateArticle(id: $id, data: { _status: published, updatedAt: $at }, draft: false) { id } }'
        const reply = await inProcessGraphql((await client(staff.editor)).token)(mutation, { id, at: await latestUpdatedAt(id) })
        return reply.errors?.[0]?.message ?? null
      },
    ],
  ]

  it.each(PATHS)('refuses %s of an article waiting for 终审, naming 终审, and writes nothing', async (_path, attempt) => {
    const article = await waitingFor('final', '未经终审')
    const { value: message } = await leavesUnchanged(article.id, () => attempt(article.id))
    expect(message).toMatch(/待终审|缺少终审/)
    expect(await publicCopy(article.id)).toBeNull()
  })

  it('refuses the 发布 button’s save of a signed article carrying a change nobody signed, and writes nothing', async () => {
    const article = await waitingFor(null, '签发后带改动发布')
    const api = await client(staff.editor)
    const body = async () => ({ title: '发布时顺手改的标题', _status: 'published', updatedAt: (await stored(article.id)).updatedAt })
    const { value: reply } = await leavesUnchanged(article.id, async () => api.rest(`/api/articles/${article.id}`, { method: 'PATCH', body: await body() }))
    expect([reply!.status, reply!.json.errors[0].message]).toEqual([409, '稿件在终审签发后有改动，改动须经终审重新签发后才能发布'])
    expect(await publicCopy(article.id)).toBeNull()
  })

  it('does not publish, by a version restore, a published text the 终审 never signed', async () => {
    // Published before the 三审 existed (as the seed publishes): this text was never signed.
    const legacy = await draft('三审之前发布的稿件', {}, staff.editor)
    await payload.update({ collection: 'articles', id: legacy.id, data: { _status: 'published', workflowState: 'published' } as never, context: { seeding: true } })
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: legacy.id }, 'version._status': { equals: 'published' } }, sort: '-updatedAt', limit: 1 })
    await publishChange(payload, staff, legacy.id, { title: '经终审签发的新标题' })
    const editor = await client(staff.editor)
    const { value: reply } = await leavesUnchanged(legacy.id, () => editor.rest(`/api/articles/versions/${docs[0].id}?draft=false`, { method: 'POST' }))
    expect(reply!.status).toBe(409)
    expect(reply!.json.errors[0].message).toContain('终审')
    const restore = 'mutation ($id: Int!) { restoreVersionArticle(id: $id) { title } }'
    const { value: viaGraphql } = await leavesUnchanged(legacy.id, async () => inProcessGraphql(editor.token)(restore, { id: docs[0].id }))
    expect(viaGraphql!.errors?.[0]?.message).toContain('终审')
    expect((await publicCopy(legacy.id))?.title).toBe('经终审签发的新标题')
  })

  it('does not let the scheduler publish, at its time, a scheduled text changed after 终审 without a new signature', async () => {
    const article = await changedAfterSigning('排期后改动', at(10))
    expect((await runDueSchedules(payload, at(10))).published).not.toContain(article.id)
    expect(await publicCopy(article.id)).toBeNull()
    expect(await stored(article.id)).toMatchObject({ workflowState: 'pendingFinal', _status: 'draft' })
  })

  it('puts a scheduled change the chief editor signed again back on its schedule, and the scheduler publishes the signed text', async () => {
    const article = await changedAfterSigning('排期后改动再签', at(20))
    expect((await sign(staff.chiefEditor, article.id, 'final')).workflowState).toBe('scheduled')
    expect((await runDueSchedules(payload, at(20))).published).toContain(article.id)
    expect((await publicCopy(article.id))?.summary).toBe(article.summary)
  })

  it('imports a print page as drafts only: nothing imported is published', async () => {
    const page = '\n\n导入后不会自动发布的稿件\n\n本报记者 王导入\n\n这是导入稿件的第一段正文，讲述某地的情况。\n\n这是第二段正文。\n'
    const file = { name: 'page.txt', content: Buffer.from(page).toString('base64'), edition: { date: '2025-11-13', pageNumber: 3, pageName: '要闻' } }
    const reply = await (await client(staff.editor)).rest('/api/import', { method: 'POST', body: { files: [file] } })
    expect(reply.status).toBe(200)
    const ids: number[] = reply.json.files[0].articles.map((entry: { id: number }) => entry.id)
    expect(ids).toHaveLength(1)
    for (const id of ids) {
      expect(await stored(id)).toMatchObject({ workflowState: 'draft', _status: 'draft' })
      expect(await publicCopy(id)).toBeNull()
    }
  })
})

describe('corrections and retractions are the 终审 level’s', () => {
  it('refuses a retraction to the editor, the desk head and the administrator, and lets the chief editor retract', async () => {
    const article = await published('将被撤稿的报道')
    for (const user of [staff.editor, staff.deskHead, staff.admin]) {
      expect(await refusal(article.id, () => transitionAs(payload, user, { id: article.id, action: 'retract', note: '数据有误，予以撤稿。' }))).toBe('您的角色无权撤稿')
    }
    expect((await transitionAs(payload, staff.chiefEditor, { id: article.id, action: 'retract', note: '数据有误，予以撤稿。' })).workflowState).toBe('retracted')
  })

  it('keeps an editor’s correction from readers until the chief editor signs it again', async () => {
    const article = await published('需要更正的报道')
    const note = '原文“三月”应为“四月”。'
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: { corrections: [{ correctedAt: '2026-01-05T02:00:00.000Z', note }] }, ...as(staff.editor) })
    const publish = () => payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, ...as(staff.editor) })
    expect((await leavesUnchanged(article.id, publish)).error?.message).toBe('稿件在终审签发后有改动，改动须经终审重新签发后才能发布')
    expect(await refusal(article.id, () => sign(staff.deskHead, article.id, 'final'))).toContain('您没有终审签字权限')
    expect((await publicCopy(article.id))?.corrections ?? []).toHaveLength(0)
    await sign(staff.chiefEditor, article.id, 'final')
    // A further change after the chief's signature is not covered by it.
    const reworded = { corrections: [{ correctedAt: '2026-01-05T02:00:00.000Z', note: `${note}特此更正。` }] }
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: reworded, ...as(staff.editor) })
    expect((await leavesUnchanged(article.id, publish)).error?.message).toBe('稿件在终审签发后有改动，改动须经终审重新签发后才能发布')
    await sign(staff.chiefEditor, article.id, 'final')
    await publish()
    const reader = await publicCopy(article.id)
    expect(reader?.corrections?.map((row) => row.note)).toEqual([`${note}特此更正。`])
    expect(hashOf(reader!)).toBe((await signatures(article.id)).at(-1)!.contentHash)
  })
})

describe('refusals over the workflow endpoint', () => {
  it.each([
    { what: 'the wrong level', by: 'editor', action: 'sign', level: 'second', status: 409, message: '现在应初审，不能复审' },
    { what: 'the wrong person', by: 'proofreader', action: 'sign', level: 'first', status: 403, message: '您没有初审签字权限' },
    { what: 'a stale view: 初审 signed meanwhile by another editor', by: 'otherEditor', action: 'sign', level: 'first', status: 409, message: '现在应复审，不能初审', meanwhile: true },
    { what: 'a return without the reason', by: 'editor', action: 'return', level: 'first', status: 400, message: '退回稿件时必须写明退回理由' },
  ] as const)('answers $what with a $status and a Chinese reason, writing nothing', async ({ by, action, level, status, message, ...rest }) => {
    const article = await waitingFor('first', `接口拒绝：${message}`)
    if ('meanwhile' in rest) await sign(staff.editor, article.id, 'first')
    const api = await client(staff[by])
    const { value: reply } = await leavesUnchanged(article.id, () => api.rest(`/api/articles/${article.id}/workflow`, { method: 'POST', body: { action, level } }))
    expect(reply!.status).toBe(status)
    expect(reply!.json.errors[0].message).toContain(message)
  })
})
