import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { processPeerNotifier } from '@/cluster/peers'
import { afterCommit } from '@/database/afterCommit'
import { tagsToInvalidate } from '@/publishing/cacheTags'
import { expireReaderTags } from '@/publishing/expireTags'

/**
 * Expires reader cache tags after COMMIT (a reader's request between the invalidation and the
 * commit would cache the old data as fresh), and not at all if the transaction rolls back.
 * The tags are worked out after the commit too, so slugs are read as committed.
 */
export async function expireReaderTagsAfterCommit(req: PayloadRequest, tagsOf: () => Promise<string[]> | string[]): Promise<void> {
  await afterCommit(req, async () => {
    const tags = await tagsOf()
    // Kept on the request so callers (and tests) can see what a change made stale.
    const invalidated = req.context.invalidatedCacheTags ?? []
    req.context.invalidatedCacheTags = [...new Set([...invalidated, ...tags])]
    expireReaderTags(tags, req.payload.logger)
    // Other instances keep their own page cache (NEWSROOM_PEERS); they expire the same tags.
    processPeerNotifier(req.payload.config.secret, req.payload.logger)?.expire(tags)
  })
}

type Shown = { publicUse?: boolean | null }

/** A photo no public article or column shows is on no reader page: editing it changes nothing readers see. */
const readersCanSee = (collection: string, doc: Shown, previousDoc?: Shown) => collection !== 'photos' || Boolean(doc.publicUse || previousDoc?.publicUse)

async function invalidate(req: PayloadRequest, collection: string, doc: Shown, previousDoc?: Shown) {
  if (req.context.seeding || !readersCanSee(collection, doc, previousDoc)) return
  const tags = tagsToInvalidate(collection)
  if (tags.length > 0) await expireReaderTagsAfterCommit(req, () => tags)
}

/** For the documents articles are shown with (columns, bylines, tags, regions, photos, installments). */
export const invalidateReaderCacheAfterChange: CollectionAfterChangeHook = async ({ collection, doc, previousDoc, req }) => {
  await invalidate(req, collection.slug, doc, previousDoc)
  return doc
}

export const invalidateReaderCacheAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  await invalidate(req, collection.slug, doc)
  return doc
}

export const readerCacheHooks = {
  afterChange: [invalidateReaderCacheAfterChange],
  afterDelete: [invalidateReaderCacheAfterDelete],
}
