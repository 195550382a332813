import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { SERVER_OWNED_FIELDS } from '../serverOwnedFields'

/**
 * Payload restores a version by saving the old copy whole: its `updatedAt`, which
 * refuseStaleSaves would take for a stale copy, and its workflow fields (an old state, no
 * retraction, another publication date), which Payload's field access drops here without
 * putting the stored values back. A restore is an edit of the current article that brings
 * back old content, so it is based on the current version and keeps the current workflow;
 * restored as a draft (noteRestoreMode), it is a draft save, whatever the old copy's status.
 */
export const rebaseRestoredVersion: CollectionBeforeChangeHook<Article> = ({ data, originalDoc, context }) => {
  if (!context.isRestoringVersion || !originalDoc) return data
  context.restoredVersion = { savedAt: data.updatedAt ?? null }
  const current = SERVER_OWNED_FIELDS.filter((field) => originalDoc[field] !== undefined).map((field) => [field, originalDoc[field]])
  const status = context.restoringAsDraft ? { _status: 'draft' as const } : {}
  return { ...data, ...Object.fromEntries(current), ...status, updatedAt: originalDoc.updatedAt }
}
