import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { expireReaderTagsAfterCommit } from '@collections/shared/hooks/invalidateReaderCache'
import { CACHE_TAGS } from '@/publishing/cacheTags'

/**
 * Every reader page shows the channels in its navigation, and a channel's rules decide what its
 * pages and the front page's blocks list: any change expires them all, once committed.
 */
export const expireChannelPagesAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.context.seeding) await expireReaderTagsAfterCommit(req, () => [CACHE_TAGS.channels, CACHE_TAGS.sitemap])
  return doc
}

export const expireChannelPagesAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (!req.context.seeding) await expireReaderTagsAfterCommit(req, () => [CACHE_TAGS.channels, CACHE_TAGS.sitemap])
  return doc
}
