import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Article } from '@payload-types'
import { forgetLastSave, rememberLastSave } from '../lastChange/lastSave'

/** Keeps who made each save, so an editor whose save is refused as stale is told who changed the article. */
export const recordLastSave: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  if (doc.updatedAt) await rememberLastSave(req, doc.id, doc.updatedAt)
  return doc
}

export const forgetLastSaveOfDeleted: CollectionAfterDeleteHook<Article> = async ({ id, req }) => {
  await forgetLastSave(req, id)
}
