import { revalidateTag } from 'next/cache'
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { processPeerNotifier } from '../../../src/cluster/peers'
import { afterCommit } from '../../../src/database/afterCommit'
import { tagsToInvalidate } from '../../../src/reader/data/cache-tags'
import { processPurger } from '../../../src/reader/data/cachePurge'

type ChangedDoc = { slug?: string | null; _status?: string | null }

/**
 * Whether readers could see the change. Autosaves and other draft saves happen every few
 * seconds while an editor types; purging the cache tier for each would empty it for nothing.
 */
const changesPublicPages = (collection: string, doc: ChangedDoc, previousDoc?: ChangedDoc) =>
  collection !== 'articles' || doc._status === 'published' || previousDoc?._status === 'published'

/** After COMMIT: a reader's request between the invalidation and the commit would cache the old data as fresh. */
async function invalidate(req: PayloadRequest, collection: string, doc: ChangedDoc, previousDoc?: ChangedDoc) {
  if (req.context.seeding) return
  await afterCommit(req, () => expireTags(req, collection, doc, previousDoc))
}

function expireTags(req: PayloadRequest, collection: string, doc: ChangedDoc, previousDoc?: ChangedDoc) {
  const tags = tagsToInvalidate(collection, doc, previousDoc)
  if (changesPublicPages(collection, doc, previousDoc)) {
    processPurger(req.payload.logger)?.purge(tags)
    // Other instances keep their own page cache (NEWSROOM_PEERS).
    processPeerNotifier(req.payload.config.secret, req.payload.logger)?.expire(tags)
  }
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
