import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { can, rolesWith } from '@/access/permissions'
import { formatChineseDateTime } from '@/newsroom/dates'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import { refusal } from '@collections/shared/errors'

const forbidden = (message: string) => refusal(message, 403, 'workflow')

/**
 * Every way of saving an article (admin buttons, REST, GraphQL, version restore) passes
 * here. The workflow state and owner cannot be set by a save; publishing is allowed only
 * to editors and only from a state that may go public, so `_status` and the workflow state
 * always agree. Explicit transitions (the workflow service) and the seed are trusted.
 */
export const enforceWorkflow: CollectionBeforeChangeHook<Article> = ({ data, operation, originalDoc, req, context }) => {
  if (context.seeding || context.workflowTransition) return data
  if (operation === 'create') {
    if (data._status === 'published') throw forbidden('新稿件须先保存为草稿，提交审核并审核通过后才能签发')
    return { ...data, workflowState: 'draft', owner: req.user?.id ?? null }
  }
  const current = (originalDoc?.workflowState ?? 'draft') as WorkflowState
  const pinned = { ...data, workflowState: current, owner: originalDoc?.owner ?? null }
  if (data._status !== 'published') return pinned
  if (!can(req.user, 'publishArticles')) throw forbidden(`只有${rolesWith('publishArticles')}可以签发稿件`)
  if (current === 'published') {
    context.implicitPublish = { from: current, to: current, action: 'publishChanges' }
    return pinned
  }
  const embargoUntil = data.embargoUntil ?? originalDoc?.embargoUntil
  if (embargoUntil && Date.parse(embargoUntil) > Date.now()) {
    throw forbidden(`稿件处于禁发期，${formatChineseDateTime(embargoUntil)} 之前不能发布`)
  }
  if (current === 'approved' || current === 'scheduled') {
    context.implicitPublish = { from: current, to: 'published', action: 'publish' }
    return { ...pinned, workflowState: 'published' }
  }
  throw forbidden(`稿件当前状态为“${WORKFLOW_STATE_LABELS[current].zh}”，须审核通过后才能签发`)
}
