import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { isPublicCopy, type PublicCopy, publicCopyOf } from '@/publishing/photoPublicity'
import { type ArticleFiling, placementsOf } from '@/publishing/articlePlacement'
import { articleTagsToExpire } from '@/publishing/cacheTags'
import { expireReaderTagsAfterCommit } from '@collections/shared/hooks/invalidateReaderCache'
import { publicCopyBefore } from './rememberPublicCopy'

/**
 * The public copies a save changed: none for a draft save, an autosave or a restore as a draft
 * (Payload writes those to the versions only; the main row readers see stays as it was), the
 * copy before and after for a publication, a change, a retraction or a restore, the copy
 * before for taking it offline. Payload's hooks are not told whether a save was a draft, and
 * a restore's document does not say, so this asks the main row: every write stamps it anew.
 */
async function changedPublicCopies(req: PayloadRequest, doc: Article, before: Partial<PublicCopy> | null): Promise<ArticleFiling[]> {
  // A draft save is stored with a draft status: readers saw nothing before and see nothing now.
  if (doc._status !== 'published' && !isPublicCopy(before)) return []
  const after = await publicCopyOf(req, doc.id)
  // Published before and a draft status now: taken offline, or (the row still public) a draft
  // saved over it, which may still touch the row (keepDraftCreditsReadable) but not its content.
  if (doc._status !== 'published') return isPublicCopy(after) ? [] : [before as ArticleFiling]
  // A published status with the row as it was: a restore whose copy went to the versions only.
  if (before && after?.updatedAt === before.updatedAt) return []
  // Written: the saved document is what the main row now holds.
  return [...(isPublicCopy(before) ? [before as ArticleFiling] : []), ...(isPublicCopy(after) ? [doc] : [])]
}

/** Expires the pages that showed the article or show it now, once the change has committed. */
async function expirePagesShowing(req: PayloadRequest, copies: ArticleFiling[]): Promise<void> {
  if (copies.length === 0) return
  await expireReaderTagsAfterCommit(req, async () => articleTagsToExpire(await placementsOf(req.payload, copies)))
}

export const expireArticlePages: CollectionAfterChangeHook<Article> = async ({ doc, operation, req, context }) => {
  if (context.seeding) return doc
  await expirePagesShowing(req, await changedPublicCopies(req, doc, publicCopyBefore(context, doc.id, operation)))
  return doc
}

/** Deleting a published or retracted article takes its page and its place in every list away. */
export const expireDeletedArticlePages: CollectionAfterDeleteHook<Article> = async ({ doc, req, context }) => {
  if (context.seeding) return doc
  await expirePagesShowing(req, isPublicCopy(doc) ? [doc] : [])
  return doc
}
