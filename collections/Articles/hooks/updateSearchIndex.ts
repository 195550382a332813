import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Article } from '../../../payload-types'
import { removeArticleFromIndex, syncArticleInIndex } from '../../../src/search/indexer'

/**
 * Every save (an edit, an autosave, a workflow step, the scheduler's publish, a retraction)
 * re-indexes the article inside the same transaction, so the index never shows a state the
 * database rolled back.
 */
export const updateSearchIndex: CollectionAfterChangeHook<Article> = async ({ doc, req }) => {
  await syncArticleInIndex(req.payload, doc.id, req)
  return doc
}

export const removeFromSearchIndex: CollectionAfterDeleteHook<Article> = async ({ id, req }) => {
  await removeArticleFromIndex(req.payload, id, req)
}
