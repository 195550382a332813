import type { CollectionAfterChangeHook } from 'payload'

import { type DocumentId, relationId } from '../../../src/data/relationId'
import { regionAncestry, syncArticlesReferencing } from '../../../src/search/indexer'

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
      const ancestorsOf = await regionAncestry(req.payload, req)
      const { docs } = await req.payload.find({ collection: 'regions', depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { slug: true } })
      ids = docs.map((region) => region.id).filter((id) => String(id) === String(doc.id) || ancestorsOf(id).some((ancestor) => String(ancestor) === String(doc.id)))
    }
    await syncArticlesReferencing(req.payload, field, ids, req)
    return doc
  }
}
