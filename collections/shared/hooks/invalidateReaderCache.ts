import { revalidateTag } from 'next/cache'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { tagsToInvalidate } from '../../../src/reader/data/cache-tags'

function invalidate(req: PayloadRequest, collection: string, doc: { slug?: string | null }, previousDoc?: { slug?: string | null }) {
  if (req.context.seeding) return
  const tags = tagsToInvalidate(collection, doc, previousDoc)
  // Kept on the request so a cache tier in front can purge the same keys, and so callers
  // (and tests) can see what a change made stale.
  const invalidated = (req.context.invalidatedCacheTags as string[] | undefined) ?? []
  req.context.invalidatedCacheTags = [...new Set([...invalidated, ...tags])]
  for (const tag of tags) {
    try {
      // Expire at once: a retraction or correction must not be served stale even once.
      revalidateTag(tag, { expire: 0 })
    } catch (error) {
      // Outside a Next.js request (scripts, tests, jobs) there is no cache to invalidate;
      // the reader data module's time-based revalidation covers those writes.
      req.payload.logger.debug({ msg: `cache tag ${tag} not invalidated`, err: error })
    }
  }
}

export const invalidateReaderCacheAfterChange: CollectionAfterChangeHook = ({ collection, doc, previousDoc, req }) => {
  invalidate(req, collection.slug, doc, previousDoc)
  return doc
}

export const invalidateReaderCacheAfterDelete: CollectionAfterDeleteHook = ({ collection, doc, req }) => {
  invalidate(req, collection.slug, doc)
  return doc
}

export const readerCacheHooks = {
  afterChange: [invalidateReaderCacheAfterChange],
  afterDelete: [invalidateReaderCacheAfterDelete],
}
