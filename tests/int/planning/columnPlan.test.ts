import { createLocalReq, type Payload } from 'payload'

import type { Column, User } from '@payload-types'
import type { WorkflowAction } from '@/newsroom/workflow'
import { startOfShanghaiDay } from '@/newsroom/dates'
import { loadCalendar, renumberColumn } from '@/planning/columnPlan'
import { signRemainingLevels, transitionAs } from '../../helpers/workflow'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let staff: Staff
let column: Column

const DAY = 24 * 60 * 60 * 1000
const inDays = (days: number) => new Date(Date.now() + days * DAY)
const asEditor = () => ({ user: { ...staff.editor, collection: 'users' as const }, overrideAccess: false })
const editorReq = () => createLocalReq({ user: { ...staff.editor, collection: 'users' } }, payload)

const act = (user: User, id: number | string, action: WorkflowAction, publishAt?: Date) => transitionAs(payload, user, { id, action, publishAt })

const plan = (plannedFor: Date, extra: Record<string, unknown> = {}) =>
  payload.create({ collection: 'installments', data: { column: column.id, plannedFor: plannedFor.toISOString(), ...extra } as never, ...asEditor() })

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  staff = booted.staff
  column = await payload.create({ collection: 'columns', data: { name: '计划测试专栏', numberingStyle: 'circled', cadence: 'weekly' } as never })
  await payload.create({ collection: 'articles', draft: true, data: { title: '已见报的第2期', column: column.id, installment: { number: 2 } } as never })
})

describe('column planning', () => {
  it('numbers new installments on from the highest number already used, in print or in plan', async () => {
    const third = await plan(inDays(3))
    const fourth = await plan(inDays(10))
    expect([third.number, fourth.number]).toEqual([3, 4])
  })

  it('does not let an ordinary edit change a number', async () => {
    const item = await plan(inDays(17))
    const edited = await payload.update({ collection: 'installments', id: item.id, data: { number: 99, workingTitle: '改个标题' }, ...asEditor() })
    expect(edited.number).toBe(item.number)
  })

  it('leaves a dropped number as a visible gap until an editor renumbers, and then closes it', async () => {
    const { docs } = await payload.find({ collection: 'installments', where: { column: { equals: column.id } }, sort: 'number' })
    const dropped = docs.find((item) => item.number === 4)!
    const article = await payload.create({ collection: 'articles', draft: true, data: { title: '第5期稿件' } as never, ...asEditor() })
    const fifth = docs.find((item) => item.number === 5)!
    await payload.update({ collection: 'installments', id: fifth.id, data: { article: article.id }, ...asEditor() })
    await payload.delete({ collection: 'installments', id: dropped.id, ...asEditor() })

    const before = await loadCalendar(payload, await editorReq(), inDays(-1), 30)
    expect(before.problems.map((problem) => problem.message)).toContain('计划测试专栏缺少第 4 期：请补上或重新编号')
    const unchanged = await payload.findByID({ collection: 'installments', id: fifth.id })
    expect(unchanged.number).toBe(5)

    const changes = await renumberColumn(payload, await editorReq(), column.id)
    expect(changes).toEqual([{ id: fifth.id, from: 5, to: 4 }])
    const linked = await payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 })
    expect(linked.installment?.number).toBe(4)
    const after = await loadCalendar(payload, await editorReq(), inDays(-1), 30)
    expect(after.problems.filter((problem) => problem.kind === 'numberGap')).toEqual([])
  })

  it('gives a linked article the column and the installment number', async () => {
    const article = await payload.create({ collection: 'articles', draft: true, data: { title: '关联后带上期号' } as never, ...asEditor() })
    const item = await plan(inDays(24), { article: article.id })
    const linked = await payload.findByID({ collection: 'articles', id: article.id, draft: true, depth: 0 })
    expect(linked.column).toBe(column.id)
    expect(linked.installment?.number).toBe(item.number)
  })

  it('moves a linked scheduled article when its installment is rescheduled', async () => {
    const article = await payload.create({ collection: 'articles', draft: true, data: { title: '随计划改期' } as never, ...asEditor() })
    // Linked to its installment before the 终审 signs: the column label is part of the signed text.
    const item = await plan(inDays(31), { article: article.id })
    await act(staff.editor, article.id, 'submit')
    await signRemainingLevels(payload, staff, article.id)
    await act(staff.editor, article.id, 'schedule', inDays(31))
    const moved = inDays(33)
    await payload.update({ collection: 'installments', id: item.id, data: { plannedFor: moved.toISOString() }, ...asEditor() })
    const rescheduled = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(rescheduled).toMatchObject({ workflowState: 'scheduled', scheduledFor: moved.toISOString() })
  })

  it('flags an installment due within a day without an approved article, and clears the flag once it is scheduled', async () => {
    const soon = new Date(Date.now() + 5 * 60 * 60 * 1000)
    const item = await plan(soon, { workingTitle: '明天要发的一期' })
    const flagged = await loadCalendar(payload, await editorReq(), inDays(-1), 7)
    expect(flagged.problems.some((problem) => problem.kind === 'atRisk' && problem.installmentId === item.id)).toBe(true)

    const article = await payload.create({ collection: 'articles', draft: true, data: { title: '明天要发的一期' } as never, ...asEditor() })
    await payload.update({ collection: 'installments', id: item.id, data: { article: article.id }, ...asEditor() })
    await act(staff.editor, article.id, 'submit')
    await signRemainingLevels(payload, staff, article.id)
    await act(staff.editor, article.id, 'schedule', soon)
    const cleared = await loadCalendar(payload, await editorReq(), inDays(-1), 7)
    expect(cleared.problems.some((problem) => problem.kind === 'atRisk' && problem.installmentId === item.id)).toBe(false)
  })

  it('refuses to drop an installment that is already in print', async () => {
    const article = await payload.create({ collection: 'articles', draft: true, data: { title: '已发布的一期' } as never, ...asEditor() })
    const item = await plan(inDays(40), { article: article.id })
    await act(staff.editor, article.id, 'submit')
    await signRemainingLevels(payload, staff, article.id)
    await act(staff.editor, article.id, 'publish')
    await expect(payload.delete({ collection: 'installments', id: item.id, ...asEditor() })).rejects.toThrow('不能删除该期次')
  })

  it('shows readers when the next installment is due, but not its working title, writer or article', async () => {
    const { docs } = await payload.find({ collection: 'installments', overrideAccess: false, limit: 1, sort: 'plannedFor', depth: 0 })
    expect(docs[0].plannedFor).toBeTruthy()
    for (const hidden of ['workingTitle', 'assignee', 'article', 'notes']) expect(docs[0]).not.toHaveProperty(hidden)
  })

  it('lets only editors plan', async () => {
    await expect(
      payload.create({ collection: 'installments', data: { column: column.id, plannedFor: inDays(50).toISOString() } as never, user: { ...staff.journalist, collection: 'users' }, overrideAccess: false }),
    ).rejects.toThrow()
  })
})

describe('the calendar prints each entry as the paper does', () => {
  const paragraphs = (text: string) => ({ root: { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', text }] }] } })
  const calendarAround = async (days: number) => loadCalendar(payload, await editorReq(), startOfShanghaiDay(inDays(days - 1)), 3)

  it('labels an installment with the column’s own numbering (善治天心③), and flags it in that form', async () => {
    const circled = await payload.create({ collection: 'columns', data: { name: '善治天心', numberingStyle: 'circled', cadence: 'irregular' } as never })
    const due = new Date(Date.now() + 3 * 60 * 60 * 1000)
    const item = await payload.create({ collection: 'installments', data: { column: circled.id, plannedFor: due.toISOString(), number: 3 } as never, overrideAccess: true, context: { renumbering: true } })
    expect(item.number).toBe(3)
    const calendar = await calendarAround(0)
    const entry = calendar.days.flatMap((day) => day.entries).find((candidate) => candidate.kind === 'installment' && candidate.id === item.id)
    expect(entry?.columnLabel).toBe('善治天心③')
    const risk = calendar.problems.find((problem) => problem.kind === 'atRisk' && problem.installmentId === item.id)
    expect(risk?.message).toMatch(/^善治天心③将于/)
  })

  it('shows the linked article’s 字数 against its type’s target', async () => {
    const article = await payload.create({ collection: 'articles', draft: true, data: { title: '日历字数', articleType: 'brief', body: paragraphs('一'.repeat(600)) } as never, ...asEditor() })
    const item = await plan(inDays(60), { article: article.id })
    const entry = (await calendarAround(60)).days.flatMap((day) => day.entries).find((candidate) => candidate.kind === 'installment' && candidate.id === item.id)
    expect(entry).toMatchObject({ length: '字数 600 · 目标 300（简讯） · 超长', lengthStatus: 'long' })
  })
})
