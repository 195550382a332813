import type { GlobalAfterChangeHook } from 'payload'

import { expireReaderTagsAfterCommit } from '@collections/shared/hooks/invalidateReaderCache'
import { CACHE_TAGS } from '@/publishing/cacheTags'

/** Every reader page shows the footer: a change expires them all, once committed. */
export const expireSiteFooter: GlobalAfterChangeHook = async ({ doc, req }) => {
  if (!req.context.seeding) await expireReaderTagsAfterCommit(req, () => [CACHE_TAGS.siteSettings])
  return doc
}
