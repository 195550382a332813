import type { CollectionBeforeChangeHook, RequestContext } from 'payload'

import type { Article } from '@payload-types'
import type { DocumentId } from '@/data/relationId'
import { type PublicCopy, publicCopyOf } from '@/publishing/photoPublicity'

/**
 * The article's public copy before this save, for the hooks after it to compare with: which
 * photos readers saw (updatePhotoPublicity) and which pages showed it (expireArticlePages).
 * Payload's `originalDoc` is the latest version, which may be a pending draft; only the stored
 * main row says what readers see.
 */
export const rememberPublicCopy: CollectionBeforeChangeHook<Article> = async ({ data, operation, originalDoc, req, context }) => {
  if (operation !== 'update' || originalDoc?.id == null) return data
  const remembered = (context.publicCopyBefore ??= {})
  remembered[String(originalDoc.id)] = await publicCopyOf(req, originalDoc.id, { filing: mayChangePublicCopy(data, context) })
  return data
}

/**
 * Payload stamps a draft save (an autosave too) `_status: 'draft'` before these hooks run; a
 * save with that status outside a workflow transition cannot take a published copy offline
 * (refuseUnpublishing), so it leaves the public copy as it is and needs no filing.
 */
export const mayChangePublicCopy = (data: Partial<Article>, context: RequestContext) => data._status !== 'draft' || Boolean(context.workflowTransition)

/** What rememberPublicCopy kept for this save: nothing for a new article. */
export function publicCopyBefore(context: RequestContext, id: DocumentId, operation: 'create' | 'update'): Partial<PublicCopy> | null {
  if (operation !== 'update') return null
  return context.publicCopyBefore?.[String(id)] ?? null
}
