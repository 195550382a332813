import type { GlobalAfterChangeHook } from 'payload'

import { expireReaderTagsAfterCommit } from '@collections/shared/hooks/invalidateReaderCache'
import { CACHE_TAGS } from '@/publishing/cacheTags'

/** A published layout changes what the front page shows; a draft being arranged changes nothing readers see. */
export const expireFrontPage: GlobalAfterChangeHook = async ({ doc, req }) => {
  if (!req.context.seeding && doc?._status !== 'draft') await expireReaderTagsAfterCommit(req, () => [CACHE_TAGS.home])
  return doc
}
