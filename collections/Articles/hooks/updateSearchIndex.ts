import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Article } from '@payload-types'
import { removeArticleFromIndex, syncArticleInIndex } from '@/search/indexer'
import { syncStaffEntrySoon } from '@/search/staffIndexing'
import { mayChangePublicCopy } from './rememberPublicCopy'

/**
 * A save re-indexes the article inside the same transaction, so the index never shows a state
 * the database rolled back. Except an editor's draft save or autosave through the API, which
 * changes only the entry staff search: it is re-indexed a few seconds later, once for any
 * number of autosaves. (Scripts and the scheduler save through the Local API and may exit
 * before then.)
 */
export const updateSearchIndex: CollectionAfterChangeHook<Article> = async ({ doc, req, context }) => {
  if (req.payloadAPI !== 'local' && !mayChangePublicCopy(doc, context)) await syncStaffEntrySoon(req, doc.id)
  else await syncArticleInIndex(req.payload, doc.id, req)
  return doc
}

export const removeFromSearchIndex: CollectionAfterDeleteHook<Article> = async ({ id, req }) => {
  await removeArticleFromIndex(req.payload, id, req)
}
