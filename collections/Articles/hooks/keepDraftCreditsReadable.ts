import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '@payload-types'

/**
 * A draft save writes only a new version, but Payload opens a document (findByID, the edit
 * view) by testing the read rule on the article's main row first. So when a draft changes who
 * is credited, the main row's `creditedBylines` follows at once, or a journalist an editor has
 * just credited would see the draft in the list and be refused when opening it.
 */
export const keepDraftCreditsReadable: CollectionAfterChangeHook<Article> = async ({ doc, previousDoc, operation, req }) => {
  // A publish writes the main row itself, credits included.
  if (operation !== 'update' || doc._status === 'published' || (doc.creditedBylines ?? null) === (previousDoc?.creditedBylines ?? null)) return doc
  await req.payload.db.updateOne({ collection: 'articles', id: doc.id, data: { creditedBylines: doc.creditedBylines ?? null }, req, returning: false })
  return doc
}
