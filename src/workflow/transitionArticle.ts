import type { Payload, PayloadRequest } from 'payload'

import type { Article, User } from '@payload-types'
import { can, rolesWith } from '@/access/permissions'
import { deskIdsOf, isStaffUser } from '@/access/roles'
import { type DocumentId, relationId } from '@/data/relationId'
import { formatChineseDateTime } from '@/newsroom/dates'
import {
  availableActions,
  planTransition,
  publicStatusFor,
  levelPendingIn,
  PENDING_STATES,
  SIGNING_PERMISSION,
  WORKFLOW_ACTION_RULES,
  WORKFLOW_PERMISSIONS,
  type WorkflowAction,
  type WorkflowActor,
  WorkflowError,
  WORKFLOW_STATE_LABELS,
  type WorkflowState,
} from '@/newsroom/workflow'
import { contentHash, REVIEW_LEVEL_LABELS, REVIEW_LEVELS, type ReviewLevel, type SignRefusal, signRefusal } from '@/newsroom/reviewChain'
import { type HistoryEntry, recordWorkflowEvent } from './history'
import { isAuthorOf, publishRefusal, type ReviewStatus, reviewStatusOf } from './reviewChain'
import { currentReturnNote } from './returnNotes'
import { pendingCreditsRefusal } from './pendingCredits'
import { articleProofreading } from '@/proofreading/server/articleReview'
import { unresolvedErrorsRefusal } from '@/proofreading/waivers'

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

/**
 * A change to text the 终审 signed (已签发, 已排期: back to 待终审) or to a published article (a 更正,
 * a fix) is signed again at 终审 only: the levels below passed the text as it reached 终审, and a
 * published article predating 三审 has no lower signatures to show.
 */
const resignsFinal = (article: Article, status: ReviewStatus, level: ReviewLevel | null) =>
  level === 'final' && (article.workflowState === 'published' || (article.workflowState === 'pendingFinal' && status.signed.has('final')))

/** Why the user may not sign (or return at) this level of the article now, or null. */
function levelRefusal(req: PayloadRequest, article: Article, status: ReviewStatus, level: ReviewLevel, actor: WorkflowActor): SignRefusal | null {
  const user = req.user as User | null
  const desks = deskIdsOf(user).map(String)
  const ownLevels = new Set(status.all.filter((signature) => String(signature.actor) === String(user?.id)).map((signature) => signature.level as ReviewLevel))
  const signedThisRound = resignsFinal(article, status, level) ? new Set(status.required.filter((required) => required !== 'final')) : new Set(status.signed.keys())
  return signRefusal({
    level,
    required: status.required,
    signedThisRound,
    holdsLevel: actor.holds.has(SIGNING_PERMISSION[level]),
    headsArticleDesk: relationId(article.desk) != null && desks.includes(String(relationId(article.desk))),
    isAuthor: isAuthorOf(user, article),
    ownLevels,
    holders: rolesWith(SIGNING_PERMISSION[level]),
  })
}

/** The levels this user could sign on the article right now. */
const signableLevels = (req: PayloadRequest, article: Article, status: ReviewStatus, actor: WorkflowActor): ReviewLevel[] =>
  REVIEW_LEVELS.filter((level) => (level === status.pending || resignsFinal(article, status, level)) && levelRefusal(req, article, status, level, actor) === null)

export async function workflowOptions(payload: Payload, req: PayloadRequest, id: Id) {
  const article = await loadArticle(payload, req, id, false)
  const actor = actorFor(req.user, article)
  const state = (article.workflowState ?? 'draft') as WorkflowState
  const status = await reviewStatusOf(req, article)
  const mySignable = actor ? signableLevels(req, article, status, actor) : []
  return {
    state,
    scheduledFor: article.scheduledFor ?? null,
    returnNote: await currentReturnNote(payload, req.user, article),
    review: {
      round: status.round,
      pending: status.pending,
      levels: status.required.map((level) => {
        const signature = status.signed.get(level)
        return { level, label: REVIEW_LEVEL_LABELS[level], signedAt: signature?.createdAt ?? null, signer: signature?.actor ?? null }
      }),
      /** What is still required before it may be published. */
      stillRequired: status.required.filter((level) => !status.signed.has(level)),
      mySignable,
    },
    actions: actor
      ? availableActions(state, actor)
          .filter((action) => (action === 'sign' || action === 'return' ? mySignable.length > 0 : true))
          .map((action) => ({
            action,
            label: action === 'sign' && mySignable.length > 0 ? `${REVIEW_LEVEL_LABELS[mySignable[0]]}签字` : WORKFLOW_ACTION_RULES[action].label,
            level: action === 'sign' || action === 'return' ? (mySignable[0] ?? null) : undefined,
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
  /** Signing and returning: the review level acted at. */
  level?: ReviewLevel | null
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
  const planned = planTransition(from, action, actor, { note, publishAt, embargoUntil: toDate(article.embargoUntil), now })
  if (GOES_PUBLIC.has(action)) {
    const pendingCredits = await pendingCreditsRefusal(req, article.bylines)
    if (pendingCredits) throw new WorkflowError(pendingCredits, 'wrongState')
  }
  const status = await reviewStatusOf(req, article)
  const review = await reviewStep(req, article, status, request, actor, from)
  if (GOES_PUBLIC.has(action)) {
    const unsigned = publishRefusal(status, article)
    if (unsigned) throw new WorkflowError(unsigned, 'wrongState')
  }
  const to = planned === 'chain' ? review.to! : planned

  const data: Partial<Article> = { workflowState: to, _status: publicStatusFor(to), ...review.data }
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

  const event: HistoryEntry = { article: article.id, action, from, to, actor: system ? undefined : (req.user?.id as number), note: note ?? undefined, ...review.event }
  if (system) await claimOnce(req, { ...event, onceKey: `${article.id}:${action}:${article.scheduledFor ?? article.unpublishAt}` })
  // A signature on a change to a published article goes into the history, not to readers: 发布修改 publishes it.
  const signsPendingChange = action === 'sign' && from === 'published'
  if (signsPendingChange) delete data._status
  const updated = await asTransition(req, action, () => payload.update({ collection: 'articles', id, data, draft: signsPendingChange, overrideAccess: true, req, depth: 0 }))
  // A submission's version is what the first signature's changes are counted from.
  if (action === 'sign' || action === 'submit') event.version = String((await latestVersionId(req, article.id)) ?? '')
  if (!system) await recordWorkflowEvent(req, event)
  return updated
}

type ReviewStep = { to?: WorkflowState; data?: Partial<Article>; event?: Partial<HistoryEntry> }

/** The levels the 校对 checker holds up while an `error` finding is neither fixed nor waived. */
const PROOFREAD_BEFORE: ReadonlySet<ReviewLevel> = new Set(['proofreading', 'final'])

/**
 * What the 三审 chain adds to a transition: a submission opens a round at its first required
 * level; a signature checks the signer and the order, records the level, the round and the
 * fingerprint of the text it covers, and moves on to the next level (or 已签发, or back to
 * 已排期 when a re-signed change keeps its schedule); a return names its level.
 */
async function reviewStep(req: PayloadRequest, article: Article, status: ReviewStatus, request: TransitionRequest, actor: WorkflowActor, from: WorkflowState): Promise<ReviewStep> {
  const { action } = request
  if (action === 'submit') {
    if (relationId(article.desk) == null) throw new WorkflowError('请先在右侧栏选择稿件所属部门，再提交审核', 'wrongState')
    return { to: PENDING_STATES[status.required[0]], data: { reviewRound: status.round + 1, returnedAtLevel: null, reviewSigners: { first: null, second: null, final: null } } }
  }
  if (action === 'withdraw' && status.signed.size > 0) throw new WorkflowError(`稿件已有${[...status.signed.keys()].map((level) => REVIEW_LEVEL_LABELS[level]).join('、')}签字，不能再撤回；如需修改请联系编辑`, 'wrongState')
  if (action !== 'sign' && action !== 'return') return {}
  const expected = levelPendingIn(from) ?? 'final'
  const level = request.level ?? null
  if (!level || !REVIEW_LEVELS.includes(level)) throw new WorkflowError(`请说明审级 level：${REVIEW_LEVELS.join('、')}`, 'wrongState')
  if (level !== expected) {
    throw new WorkflowError(`稿件当前状态为“${WORKFLOW_STATE_LABELS[from].zh}”，现在应${REVIEW_LEVEL_LABELS[expected]}，不能${REVIEW_LEVEL_LABELS[level]}`, 'wrongState')
  }
  const refused = levelRefusal(req, article, status, level, actor)
  if (refused) throw new WorkflowError(refused.message, refused.reason)
  if (action === 'return') return { data: { returnedAtLevel: level }, event: { level, round: status.round } }
  if (PROOFREAD_BEFORE.has(level)) {
    const unresolved = unresolvedErrorsRefusal((await articleProofreading(req, article)).findings, `${REVIEW_LEVEL_LABELS[level]}签字`)
    if (unresolved) throw new WorkflowError(unresolved, 'wrongState')
  }
  const signed = new Set([...status.signed.keys(), level])
  const next = status.required.find((required) => !signed.has(required))
  const keepsSchedule = article.scheduledFor != null && Date.parse(article.scheduledFor) > (request.now ?? new Date()).getTime()
  const to: WorkflowState = from === 'published' ? 'published' : next ? PENDING_STATES[next] : keepsSchedule ? 'scheduled' : 'signed'
  const signers = level === 'proofreading' ? {} : { reviewSigners: { ...article.reviewSigners, [level]: (req.user as User).name?.trim() || null } }
  return { to, data: signers, event: { level, round: status.round, contentHash: contentHash(article) } }
}

/** The newest version of the article: the one a signature's text is stored in. */
async function latestVersionId(req: PayloadRequest, articleId: Id): Promise<Id | null> {
  const { docs } = await req.payload.findVersions({ collection: 'articles', where: { parent: { equals: articleId } }, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: true, req, select: {} })
  return docs[0]?.id ?? null
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
