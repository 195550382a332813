import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { recordWorkflowEvent } from '@/workflow/history'

/** Publishing with the admin's own 发布 button is a transition too, and goes into the history. */
export const recordPublication: CollectionAfterChangeHook<Article> = async ({ doc, context, req }) => {
  const publication = context.implicitPublish
  if (!publication) return doc
  delete context.implicitPublish
  await recordWorkflowEvent(req, { article: doc.id, action: publication.action, from: publication.from, to: publication.to, actor: req.user?.id })
  return doc
}
