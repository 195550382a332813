import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { pendingCreditsRefusal } from '@/workflow/pendingCredits'
import { refusal } from '@collections/shared/errors'

/**
 * The saves that put credits before readers without a workflow action: the 签发/发布修改
 * button (a save as published), and a change to a scheduled article, which the scheduler
 * publishes as it stands. Neither may credit a byline an editor has not confirmed. The
 * workflow actions check the same themselves (src/workflow/transitionArticle).
 */
export const refusePendingCredits: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req, context }) => {
  if (context.seeding || context.workflowTransition) return data
  const goesPublic = data._status === 'published' || originalDoc?.workflowState === 'scheduled'
  if (!goesPublic) return data
  const message = await pendingCreditsRefusal(req, data.bylines === undefined ? originalDoc?.bylines : data.bylines)
  if (!message) return data
  throw refusal(originalDoc?.workflowState === 'scheduled' && data._status !== 'published' ? `稿件已排期：${message}（可先取消排期再修改署名）` : message, 409, 'pendingByline')
}
