import type { Payload, PayloadRequest } from 'payload'

import type { Article } from '../../payload-types'
import { roleOf } from '../access/roles'
import {
  availableActions,
  planTransition,
  publicStatusFor,
  WORKFLOW_ACTION_RULES,
  type WorkflowAction,
  type WorkflowActor,
  WorkflowError,
  type WorkflowState,
} from '../newsroom/workflow'

/** Hooks see this in `req.context` and let the state change through. */
export type WorkflowContext = { workflowTransition?: WorkflowAction }

type Id = number | string
const relationId = (value: unknown): Id | null =>
  value && typeof value === 'object' ? (value as { id: Id }).id : ((value as Id | null | undefined) ?? null)

export function actorFor(user: PayloadRequest['user'], article: Pick<Article, 'owner'>): WorkflowActor | null {
  const role = roleOf(user)
  if (!role || !user) return null
  return { role, isOwner: String(relationId(article.owner)) === String(user.id) }
}

/** The latest version the user may see (drafts included), or a 404-shaped error. */
async function loadForUser(payload: Payload, req: PayloadRequest, id: Id): Promise<Article> {
  try {
    return await payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: false, req })
  } catch {
    throw new WorkflowError('稿件不存在，或您无权查看', 'notAllowed')
  }
}

export async function workflowOptions(payload: Payload, req: PayloadRequest, id: Id) {
  const article = await loadForUser(payload, req, id)
  const actor = actorFor(req.user, article)
  const state = (article.workflowState ?? 'draft') as WorkflowState
  return {
    state,
    actions: actor
      ? availableActions(state, actor).map((action) => ({
          action,
          label: WORKFLOW_ACTION_RULES[action].label,
          noteRequired: Boolean(WORKFLOW_ACTION_RULES[action].noteRequired),
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

/**
 * Moves an article through the workflow: checks the rule, writes the new state together
 * with the matching public status, and records who did what and why, all in one
 * transaction so the state, `_status` and history never disagree.
 */
export async function transitionArticle(
  payload: Payload,
  req: PayloadRequest,
  { id, action, note }: { id: Id; action: WorkflowAction; note?: string | null },
): Promise<Article> {
  const article = await loadForUser(payload, req, id)
  const actor = actorFor(req.user, article)
  if (!actor) throw new WorkflowError('请先登录', 'notAllowed')
  const from = (article.workflowState ?? 'draft') as WorkflowState
  const to = planTransition(from, action, actor, note)
  const now = new Date().toISOString()
  const data: Record<string, unknown> = { workflowState: to, _status: publicStatusFor(to) }
  if (action === 'retract') {
    Object.assign(data, RETRACTED_CONTENT, { retraction: { retractedAt: now, notice: note?.trim() } })
  }
  const context: WorkflowContext = { workflowTransition: action }
  req.context = { ...req.context, ...context }
  const updated = await payload.update({
    collection: 'articles',
    id,
    data: data as Partial<Article>,
    draft: false,
    overrideAccess: true,
    req,
    depth: 0,
  })
  await payload.create({
    collection: 'workflow-events',
    data: { article: updated.id, action, from, to, actor: req.user?.id, note: note?.trim() || undefined },
    overrideAccess: true,
    req,
  })
  return updated
}
