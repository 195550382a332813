import type { CollectionAfterChangeHook } from 'payload'

import type { Region } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import { regionWithDescendants } from '@/newsroom/regions'
import { syncArticlesReferencing } from '@/search/indexer'

type Named = { id: DocumentId; name?: string | null; parent?: unknown }
type ArticleField = Parameters<typeof syncArticlesReferencing>[1]

/**
 * Articles are found by the names of their column, bylines, tags and places; renaming one
 * (or moving a place under another) re-indexes the articles that point at it.
 */
export function reindexReferencingArticles(field: ArticleField): CollectionAfterChangeHook<Named> {
  return async ({ doc, previousDoc, operation, req }) => {
    if (operation !== 'update' || req.context.seeding) return doc
    const renamed = doc.name !== previousDoc?.name
    const moved = field === 'regions' && String(relationId(doc.parent)) !== String(relationId(previousDoc?.parent))
    if (!renamed && !moved) return doc
    let ids: DocumentId[] = [doc.id]
    if (moved) {
      // A moved place changes the ancestry of every place beneath it, and so their articles' entries.
      const { docs } = await req.payload.find({ collection: 'regions', depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { parent: true } })
      ids = regionWithDescendants(docs as Region[], doc.id)
    }
    await syncArticlesReferencing(req.payload, field, ids, req)
    return doc
  }
}
