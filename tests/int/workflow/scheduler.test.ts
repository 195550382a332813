import type { Payload } from 'payload'

import type { User } from '@payload-types'
import { publicStatusFor, type WorkflowAction, type WorkflowState } from '@/newsroom/workflow'
import { runDueSchedules } from '@/workflow/scheduler'
import { signRemainingLevels, transitionAs } from '../../helpers/workflow'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let staff: Staff

/** A controlled clock: every test reads time from here, never from the machine. */
const T0 = new Date('2030-03-01T02:00:00.000Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

const act = (user: User, id: number | string, action: WorkflowAction, options: { publishAt?: Date; now?: Date; note?: string } = {}) =>
  transitionAs(payload, user, { id, action, now: options.now ?? T0, publishAt: options.publishAt, note: options.note })

async function approved(title: string, extra: Record<string, unknown> = {}) {
  const article = await payload.create({ collection: 'articles', data: { title, ...extra } as never, draft: true, user: { ...staff.editor, collection: 'users' } })
  await act(staff.editor, article.id, 'submit')
  await signRemainingLevels(payload, staff, article.id)
  return article
}

const load = (id: number | string) => payload.findByID({ collection: 'articles', id, depth: 0 })
const publishEvents = async (id: number | string) =>
  (await payload.find({ collection: 'workflow-events', where: { article: { equals: id }, action: { equals: 'publish' } } })).docs

describe('timed publishing', () => {
  it('publishes a scheduled article when it is due, and not a minute before', async () => {
    const article = await approved('按时发布')
    await act(staff.editor, article.id, 'schedule', { publishAt: at(10) })
    expect((await load(article.id)).workflowState).toBe('scheduled')
    expect((await runDueSchedules(payload, at(9))).published).not.toContain(article.id)
    expect((await load(article.id))._status).toBe('draft')
    expect((await runDueSchedules(payload, at(10))).published).toContain(article.id)
    const published = await load(article.id)
    expect(published).toMatchObject({ _status: 'published', workflowState: 'published', publishedAt: at(10).toISOString() })
    expect((await publishEvents(article.id))[0].note).toContain('按计划')
  })

  it('never publishes an article twice, however often the runner runs', async () => {
    const article = await approved('只发一次')
    await act(staff.editor, article.id, 'schedule', { publishAt: at(20) })
    const [first, second] = await Promise.all([runDueSchedules(payload, at(20)), runDueSchedules(payload, at(20))])
    await runDueSchedules(payload, at(21))
    expect([...first.published, ...second.published].filter((id) => id === article.id)).toHaveLength(1)
    expect(await publishEvents(article.id)).toHaveLength(1)
  })

  it('publishes what was missed while the server was down at its next run, and records how late', async () => {
    const article = await approved('停机补发')
    await act(staff.editor, article.id, 'schedule', { publishAt: at(30) })
    expect((await runDueSchedules(payload, at(30 + 180))).published).toContain(article.id)
    const published = await load(article.id)
    expect(published.publishedLateBy).toBe(180 * 60)
    const [event] = await publishEvents(article.id)
    expect(event.note).toContain('晚了 180 分钟')
  })

  it('never publishes an article whose schedule was withdrawn', async () => {
    const article = await approved('取消排期')
    await act(staff.editor, article.id, 'schedule', { publishAt: at(40) })
    await act(staff.editor, article.id, 'unschedule')
    expect((await runDueSchedules(payload, at(41))).published).not.toContain(article.id)
    expect(await load(article.id)).toMatchObject({ workflowState: 'signed', _status: 'draft', scheduledFor: null })
  })

  it('publishes a rescheduled article at the new time only', async () => {
    const article = await approved('改期')
    await act(staff.editor, article.id, 'schedule', { publishAt: at(50) })
    await act(staff.editor, article.id, 'reschedule', { publishAt: at(70) })
    expect((await runDueSchedules(payload, at(55))).published).not.toContain(article.id)
    expect((await runDueSchedules(payload, at(70))).published).toContain(article.id)
  })

  it('refuses a schedule without a time, in the past, or inside the embargo', async () => {
    const article = await approved('禁发期', { embargoUntil: at(120).toISOString() })
    await expect(act(staff.editor, article.id, 'schedule')).rejects.toThrow('排期发布必须指定发布时间')
    await expect(act(staff.editor, article.id, 'schedule', { publishAt: at(-1) })).rejects.toThrow('发布时间必须晚于现在')
    await expect(act(staff.editor, article.id, 'schedule', { publishAt: at(60) })).rejects.toThrow('不能早于禁发期结束时间')
    await expect(act(staff.editor, article.id, 'publish', { now: at(60) })).rejects.toThrow('禁发期')
    await act(staff.editor, article.id, 'schedule', { publishAt: at(120) })
    expect((await runDueSchedules(payload, at(120))).published).toContain(article.id)
  })

  it('takes an article down at its unpublish time', async () => {
    const article = await approved('到期下线', { unpublishAt: at(300).toISOString() })
    await act(staff.editor, article.id, 'publish', { now: at(200) })
    expect((await runDueSchedules(payload, at(299))).expired).not.toContain(article.id)
    expect((await runDueSchedules(payload, at(300))).expired).toContain(article.id)
    expect(await load(article.id)).toMatchObject({ workflowState: 'signed', _status: 'draft', unpublishAt: null })
  })

  it('does not let a journalist schedule', async () => {
    const article = await approved('记者不能排期')
    await expect(act(staff.journalist, article.id, 'schedule', { publishAt: at(10) })).rejects.toThrow()
  })

  it('keeps every article’s public status in step with its workflow state', async () => {
    const { docs } = await payload.find({ collection: 'articles', limit: 200, depth: 0 })
    for (const doc of docs) expect(doc._status).toBe(publicStatusFor(doc.workflowState as WorkflowState))
  })
})
