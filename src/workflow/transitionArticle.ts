import type { Payload, PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { can } from '@/access/permissions'
import { isStaffUser } from '@/access/roles'
import { type DocumentId, relationId } from '@/data/relationId'
import { formatChineseDateTime } from '@/newsroom/dates'
import {
  availableActions,
  planTransition,
  publicStatusFor,
  WORKFLOW_ACTION_RULES,
  WORKFLOW_PERMISSIONS,
  type WorkflowAction,
  type WorkflowActor,
  WorkflowError,
  type WorkflowState,
} from '@/newsroom/workflow'
import { type HistoryEntry, recordWorkflowEvent } from './history'
import { currentReturnNote } from './returnNotes'
import { pendingCreditsRefusal } from './pendingCredits'

type Id = DocumentId
/** Actions that publish the article now or commit to publishing it at a set time. */
const GOES_PUBLIC: ReadonlySet<WorkflowAction> = new Set(['publish', 'schedule', 'reschedule'])
const toDate = (value: string | null | undefined): Date | null => (value ? new Date(value) : null)

/** The scheduler acts without a user; everyone else with the permissions their roles give (`can` accepts only the table's names). */
export function actorFor(user: PayloadRequest['user'], article: Pick<Article, 'owner'>, system = false): WorkflowActor | null {
  if (system) return { system: true, isOwner: false, holds: new Set() }
  if (!isStaffUser(user) || !user) return null
  return { system: false, isOwner: String(relationId(article.owner)) === String(user.id), holds: new Set(WORKFLOW_PERMISSIONS.filter((permission) => can(user, permission))) }
}

/** The latest version the user may see (drafts included), or a 404-shaped error. */
async function loadArticle(payload: Payload, req: PayloadRequest, id: Id, system: boolean): Promise<Article> {
  try {
    return await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: system, req })
  } catch {
    throw new WorkflowError('稿件不存在，或您无权查看', 'notAllowed')
  }
}

export async function workflowOptions(payload: Payload, req: PayloadRequest, id: Id) {
  const article = await loadArticle(payload, req, id, false)
  const actor = actorFor(req.user, article)
  const state = (article.workflowState ?? 'draft') as WorkflowState
  return {
    state,
    scheduledFor: article.scheduledFor ?? null,
    returnNote: await currentReturnNote(payload, req.user, article),
    actions: actor
      ? availableActions(state, actor).map((action) => ({
          action,
          label: WORKFLOW_ACTION_RULES[action].label,
          noteRequired: Boolean(WORKFLOW_ACTION_RULES[action].noteRequired),
          needsPublishTime: Boolean(WORKFLOW_ACTION_RULES[action].needsPublishTime),
        }))
      : [],
  }
}

/** Fields emptied on retraction: the public page keeps only the headline and the notice. */
const RETRACTED_CONTENT = {
  kicker: null,
  subtitle: null,
  summary: null,
  body: null,
  leadPhoto: null,
  photos: [],
  seo: { title: null, description: null, image: null },
}

export type TransitionRequest = {
  id: Id
  action: WorkflowAction
  note?: string | null
  publishAt?: Date | null
  /** The scheduler's clock; tests pass a controlled one. */
  now?: Date
  /** Taken by the scheduler rather than a signed-in user. */
  system?: boolean
}

function lateNote(scheduledFor: Date, now: Date): { lateBy: number; note: string } {
  const lateBy = Math.max(0, Math.round((now.getTime() - scheduledFor.getTime()) / 1000))
  const planned = formatChineseDateTime(scheduledFor)
  if (lateBy < 60) return { lateBy, note: `按计划于 ${planned} 自动发布` }
  return { lateBy, note: `计划 ${planned} 发布，实际 ${formatChineseDateTime(now)} 发布，晚了 ${Math.round(lateBy / 60)} 分钟（计划时间服务器未运行）` }
}

/**
 * Moves an article through the workflow: checks the rule, writes the new state together
 * with the matching public status, and records who did what and why, in the caller's
 * transaction, so the state, `_status` and history never disagree.
 */
export async function transitionArticle(payload: Payload, req: PayloadRequest, request: TransitionRequest): Promise<Article> {
  const { id, action, publishAt, now = new Date(), system = false } = request
  let note = request.note?.trim() || null
  const article = await loadArticle(payload, req, id, system)
  const actor = actorFor(req.user, article, system)
  if (!actor) throw new WorkflowError('请先登录', 'notAllowed')
  const from = (article.workflowState ?? 'draft') as WorkflowState
  const to = planTransition(from, action, actor, { note, publishAt, embargoUntil: toDate(article.embargoUntil), now })
  if (GOES_PUBLIC.has(action)) {
    const pendingCredits = await pendingCreditsRefusal(req, article.bylines)
    if (pendingCredits) throw new WorkflowError(pendingCredits, 'wrongState')
  }

  const data: Partial<Article> = { workflowState: to, _status: publicStatusFor(to) }
  if (action === 'schedule' || action === 'reschedule') {
    data.scheduledFor = publishAt!.toISOString()
    note = note ?? `计划发布时间 ${formatChineseDateTime(publishAt!)}`
  }
  if (action === 'unschedule') data.scheduledFor = null
  if (action === 'publish' && from === 'scheduled' && system && article.scheduledFor) {
    const late = lateNote(new Date(article.scheduledFor), now)
    data.publishedLateBy = late.lateBy
    note = late.note
  }
  if (action === 'publish') data.publishedAt = article.publishedAt ?? now.toISOString()
  if (action === 'expire') {
    data.unpublishAt = null
    note = note ?? '到达下线时间，自动下线'
  }
  if (action === 'retract') Object.assign(data, RETRACTED_CONTENT, { retraction: { retractedAt: now.toISOString(), notice: note } })

  const event: HistoryEntry = { article: article.id, action, from, to, actor: system ? undefined : (req.user?.id as number), note: note ?? undefined }
  if (system) await claimOnce(req, { ...event, onceKey: `${article.id}:${action}:${article.scheduledFor ?? article.unpublishAt}` })
  const updated = await asTransition(req, action, () => payload.update({ collection: 'articles', id, data, draft: false, overrideAccess: true, req, depth: 0 }))
  if (!system) await recordWorkflowEvent(req, event)
  return updated
}

/**
 * The flag lets the article's hooks accept workflow-owned values for this one write only: left
 * on the request, it would wave through any later save the same request makes.
 */
async function asTransition<T>(req: PayloadRequest, action: WorkflowAction, write: () => Promise<T>): Promise<T> {
  const outer = req.context.workflowTransition
  req.context = { ...req.context, workflowTransition: action }
  try {
    return await write()
  } finally {
    // Every Local API call given this req replaces req.context with a copy: reset the current one.
    const context = req.context
    if (outer === undefined) delete context.workflowTransition
    else context.workflowTransition = outer
  }
}

/** Records a scheduled action before taking it; a second runner finds the key taken and stops. */
async function claimOnce(req: PayloadRequest, event: HistoryEntry & { onceKey: string }): Promise<void> {
  try {
    await recordWorkflowEvent(req, event)
  } catch {
    throw new WorkflowError('该定时操作已由另一次运行完成', 'wrongState')
  }
}
