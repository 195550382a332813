import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { can, rolesWith } from '@/access/permissions'
import { formatChineseDateTime } from '@/newsroom/dates'
import { contentHash } from '@/newsroom/reviewChain'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import { publishRefusal, reviewStatusOf } from '@/workflow/reviewChain'
import { refusal } from '@collections/shared/errors'

const forbidden = (message: string) => refusal(message, 403, 'workflow')
const unsigned = (message: string) => refusal(message, 409, 'review-chain')

/** States after 终审 in which the signed text waits to go public. */
const SIGNED_STATES: readonly WorkflowState[] = ['signed', 'scheduled']

/**
 * Every way of saving an article (admin buttons, REST, GraphQL, version restore) passes
 * here. The workflow state and owner cannot be set by a save. Nothing goes public that the
 * 三审 chain's 终审 did not sign exactly (src/workflow/reviewChain), and a change to signed
 * text sends the article back to 待终审. Explicit transitions (the workflow service) and the
 * seed are trusted.
 */
export const enforceWorkflow: CollectionBeforeChangeHook<Article> = async ({ data, operation, originalDoc, req, context }) => {
  // Reading with this req gives the request a fresh context object; the save's own hooks hand
  // values to each other (the public copy before, this step) on the one they were given.
  const statusOf = async (article: Article) => {
    try {
      return await reviewStatusOf(req, article)
    } finally {
      req.context = context
    }
  }
  if (context.seeding || context.workflowTransition) return data
  if (operation === 'create') {
    if (data._status === 'published') throw forbidden('新稿件须先保存为草稿，经三审签发后才能发布')
    return { ...data, workflowState: 'draft', owner: req.user?.id ?? null }
  }
  const current = (originalDoc?.workflowState ?? 'draft') as WorkflowState
  const pinned = { ...data, workflowState: current, owner: originalDoc?.owner ?? null }
  const next = { ...originalDoc, ...data } as Article
  if (data._status !== 'published') {
    if (!SIGNED_STATES.includes(current) || !originalDoc) return pinned
    if (contentHash(next) === contentHash(originalDoc)) return pinned
    // Back to a text a 终审 once signed (a restore) needs no new signature; anything else does.
    if (publishRefusal(await statusOf(next), next) === null) return pinned
    context.implicitPublish = { from: current, to: 'pendingFinal', action: 'changeAfterSigning' }
    return { ...pinned, workflowState: 'pendingFinal' }
  }
  if (!can(req.user, 'publishArticles')) throw forbidden(`只有${rolesWith('publishArticles')}可以发布稿件`)
  const refused = publishRefusal(await statusOf(next), next)
  if (current !== 'published' && !SIGNED_STATES.includes(current)) {
    throw forbidden(`稿件当前状态为“${WORKFLOW_STATE_LABELS[current].zh}”，${refused ?? '须经三审签发后才能发布'}`)
  }
  if (refused) throw unsigned(refused)
  if (current === 'published') {
    context.implicitPublish = { from: current, to: current, action: 'publishChanges' }
    return pinned
  }
  const embargoUntil = data.embargoUntil ?? originalDoc?.embargoUntil
  if (embargoUntil && Date.parse(embargoUntil) > Date.now()) {
    throw forbidden(`稿件处于禁发期，${formatChineseDateTime(embargoUntil)} 之前不能发布`)
  }
  context.implicitPublish = { from: current, to: 'published', action: 'publish' }
  return { ...pinned, workflowState: 'published' }
}
