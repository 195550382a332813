import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { formatChineseDateTime } from '@/newsroom/dates'
import { recordWorkflowEvent } from '@/workflow/history'

/** A restore replaces the article's content, so the history says who did it and which copy came back. */
export const recordRestore: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, context, req }) => {
  const restored = context.restoredVersion
  if (!restored) return doc
  delete context.restoredVersion
  const state = doc.workflowState ?? 'draft'
  await recordWorkflowEvent(req, {
    article: doc.id,
    action: 'restore',
    from: previousDoc?.workflowState ?? state,
    to: state,
    actor: req.user?.id,
    note: restored.savedAt ? `恢复为 ${formatChineseDateTime(restored.savedAt)} 保存的版本` : undefined,
  })
  return doc
}
