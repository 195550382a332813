/**
 * The editorial workflow as a state machine, in plain TypeScript so it can be reasoned
 * about and tested apart from Payload. Payload's `_status` stores what is public; the
 * workflow state says where the article is in the newsroom, and `publicStatusFor` ties
 * the two together.
 */
import { formatChineseDateTime } from './dates'
import { REVIEW_LEVELS, type ReviewLevel } from './reviewChain'

export const WORKFLOW_STATES = ['draft', 'pendingFirst', 'pendingSecond', 'pendingProofreading', 'pendingFinal', 'returned', 'signed', 'scheduled', 'published', 'retracted'] as const
export type WorkflowState = (typeof WORKFLOW_STATES)[number]

export const WORKFLOW_STATE_LABELS: Record<WorkflowState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  pendingFirst: { zh: '待初审', en: 'Awaiting first review' },
  pendingSecond: { zh: '待复审', en: 'Awaiting second review' },
  pendingProofreading: { zh: '待校对', en: 'Awaiting proofreading' },
  pendingFinal: { zh: '待终审', en: 'Awaiting final review' },
  returned: { zh: '退回', en: 'Returned' },
  signed: { zh: '已签发', en: 'Signed off' },
  scheduled: { zh: '已排期', en: 'Scheduled' },
  published: { zh: '已发布', en: 'Published' },
  retracted: { zh: '撤稿', en: 'Retracted' },
}

/** The state an article waits in for each review level. */
export const PENDING_STATES: Record<ReviewLevel, WorkflowState> = { first: 'pendingFirst', second: 'pendingSecond', proofreading: 'pendingProofreading', final: 'pendingFinal' }
export const IN_REVIEW: readonly WorkflowState[] = Object.values(PENDING_STATES)
/** The level an in-review state waits for. */
export const levelPendingIn = (state: WorkflowState): ReviewLevel | null => REVIEW_LEVELS.find((level) => PENDING_STATES[level] === state) ?? null

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'return', 'sign', 'schedule', 'reschedule', 'unschedule', 'publish', 'retract', 'expire'] as const
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number]

/** The permissions of src/access/permissions the workflow asks about; the caller says which the actor holds. */
export const WORKFLOW_PERMISSIONS = ['signFirstReview', 'signSecondReview', 'signProofreading', 'signFinalReview', 'publishArticles', 'retractArticles'] as const
export type WorkflowPermission = (typeof WORKFLOW_PERMISSIONS)[number]

/** The permission that signs each level. */
export const SIGNING_PERMISSION: Record<ReviewLevel, WorkflowPermission> = { first: 'signFirstReview', second: 'signSecondReview', proofreading: 'signProofreading', final: 'signFinalReview' }

/** Who takes an action: the scheduler, or a staff member holding some permissions, who may own the article. */
export type WorkflowActor = { system: boolean; isOwner: boolean; holds: ReadonlySet<WorkflowPermission> }

type ActionRule = {
  from: readonly WorkflowState[]
  /** 'chain': the review chain decides (the first level still to sign, or 已签发 after 终审). */
  to: WorkflowState | 'chain'
  label: string
  /** Who may take the action, given the article's current owner. */
  allowed: (actor: WorkflowActor) => boolean
  noteRequired?: string
  /** Why the action is refused in any state but its `from` states, when that says more than the states do. */
  refusedFrom?: (state: WorkflowState) => string
  /** Scheduling actions carry the time to publish at. */
  needsPublishTime?: boolean
  /** Signing and returning name the review level they act at. */
  needsLevel?: boolean
  /** Offered in the admin; system-only actions are taken by the scheduler alone. */
  manual: boolean
}

const holding = (permission: WorkflowPermission) => (actor: WorkflowActor) => actor.holds.has(permission)
const reviews = (actor: WorkflowActor) => REVIEW_LEVELS.some((level) => actor.holds.has(SIGNING_PERMISSION[level]))
// A submission is the writer's to make or take back, and the responsible editor's (初审) on the writer's behalf.
const reviewsOrOwns = (actor: WorkflowActor) => actor.holds.has('signFirstReview') || (!actor.system && actor.isOwner)
const bySystem = (actor: WorkflowActor) => actor.system

export const WORKFLOW_ACTION_RULES: Record<WorkflowAction, ActionRule> = {
  submit: { from: ['draft', 'returned'], to: 'chain', label: '提交审核', allowed: reviewsOrOwns, manual: true },
  withdraw: {
    from: IN_REVIEW,
    to: 'draft',
    label: '撤回',
    allowed: reviewsOrOwns,
    refusedFrom: (state) =>
      state === 'draft' || state === 'returned'
        ? `稿件当前状态为“${WORKFLOW_STATE_LABELS[state].zh}”，没有待审的提交可以撤回`
        : `稿件已经审签（当前状态为“${WORKFLOW_STATE_LABELS[state].zh}”），不能再撤回；如需修改请联系编辑`,
    manual: true,
  },
  return: {
    from: [...IN_REVIEW, 'signed', 'scheduled'],
    to: 'returned',
    label: '退回修改',
    allowed: reviews,
    noteRequired: '退回稿件时必须写明退回理由',
    needsLevel: true,
    manual: true,
  },
  sign: { from: [...IN_REVIEW, 'published'], to: 'chain', label: '签字', allowed: reviews, needsLevel: true, manual: true },
  schedule: { from: ['signed'], to: 'scheduled', label: '排期发布', allowed: holding('publishArticles'), needsPublishTime: true, manual: true },
  reschedule: { from: ['scheduled'], to: 'scheduled', label: '改期', allowed: holding('publishArticles'), needsPublishTime: true, manual: true },
  unschedule: { from: ['scheduled'], to: 'signed', label: '取消排期', allowed: holding('publishArticles'), manual: true },
  publish: {
    from: ['signed', 'scheduled'],
    to: 'published',
    label: '发布',
    allowed: (actor) => bySystem(actor) || actor.holds.has('publishArticles'),
    manual: true,
  },
  retract: {
    from: ['published'],
    to: 'retracted',
    label: '撤稿',
    allowed: holding('retractArticles'),
    noteRequired: '撤稿时必须填写向读者公布的撤稿说明',
    manual: true,
  },
  expire: { from: ['published'], to: 'signed', label: '到期下线', allowed: bySystem, manual: false },
}

/**
 * Saves that go into the history beside the transitions, though the state stays as it was:
 * publishing changes to a published article, and restoring an older version.
 */
export const RECORDED_SAVES = {
  publishChanges: { zh: '发布修改', en: 'Publish changes' },
  restore: { zh: '恢复版本', en: 'Restore version' },
  changeAfterSigning: { zh: '签发后修改，待重新终审', en: 'Changed after sign-off' },
} as const
export type RecordedSave = keyof typeof RECORDED_SAVES

/** What the public sees follows from the workflow state alone. */
export function publicStatusFor(state: WorkflowState): 'published' | 'draft' {
  return state === 'published' || state === 'retracted' ? 'published' : 'draft'
}

export function availableActions(state: WorkflowState, actor: WorkflowActor): WorkflowAction[] {
  return WORKFLOW_ACTIONS.filter((action) => {
    const rule = WORKFLOW_ACTION_RULES[action]
    return rule.manual && rule.from.includes(state) && rule.allowed(actor)
  })
}

export class WorkflowError extends Error {
  constructor(
    message: string,
    readonly reason: 'notAllowed' | 'wrongState' | 'noteRequired' | 'badTime',
  ) {
    super(message)
    this.name = 'WorkflowError'
  }
}

export type TransitionInput = {
  note?: string | null
  /** When a scheduling action should publish. */
  publishAt?: Date | null
  /** Nothing of the article may be public before this. */
  embargoUntil?: Date | null
  now?: Date
}

/** Checks one transition and returns the state it leads to ('chain': the review chain decides), or says precisely why not. */
export function planTransition(state: WorkflowState, action: WorkflowAction, actor: WorkflowActor, input: TransitionInput = {}): WorkflowState | 'chain' {
  const { note, publishAt, embargoUntil, now = new Date() } = input
  const rule = WORKFLOW_ACTION_RULES[action]
  if (!rule) throw new WorkflowError(`未知的流程操作：${String(action)}`, 'wrongState')
  if (!rule.from.includes(state)) {
    if (rule.refusedFrom) throw new WorkflowError(rule.refusedFrom(state), 'wrongState')
    const allowedFrom = rule.from.map((from) => WORKFLOW_STATE_LABELS[from].zh).join('、')
    throw new WorkflowError(
      `稿件当前状态为“${WORKFLOW_STATE_LABELS[state].zh}”，不能${rule.label}（只有“${allowedFrom}”状态的稿件可以）`,
      'wrongState',
    )
  }
  if (!rule.allowed(actor)) {
    throw new WorkflowError(`您的角色无权${rule.label}`, 'notAllowed')
  }
  if (rule.noteRequired && !note?.trim()) throw new WorkflowError(rule.noteRequired, 'noteRequired')
  if (rule.needsPublishTime) checkPublishTime(publishAt, embargoUntil, now)
  if (action === 'publish' && embargoUntil && embargoUntil.getTime() > now.getTime()) {
    throw new WorkflowError(`稿件处于禁发期，${formatChineseDateTime(embargoUntil)} 之前不能发布`, 'badTime')
  }
  return rule.to
}

function checkPublishTime(publishAt: Date | null | undefined, embargoUntil: Date | null | undefined, now: Date): void {
  if (!publishAt || Number.isNaN(publishAt.getTime())) throw new WorkflowError('排期发布必须指定发布时间', 'badTime')
  if (publishAt.getTime() <= now.getTime()) throw new WorkflowError('发布时间必须晚于现在', 'badTime')
  if (embargoUntil && publishAt.getTime() < embargoUntil.getTime()) {
    throw new WorkflowError(`发布时间不能早于禁发期结束时间 ${formatChineseDateTime(embargoUntil)}`, 'badTime')
  }
}
