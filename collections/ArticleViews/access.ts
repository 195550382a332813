import type { CollectionConfig } from 'payload'

import { allowed } from '@/access/rules'

/**
 * Written only by the server's view counter (src/readerViews/flush.ts, with overrideAccess):
 * a count anyone could post would be worth nothing. Editors read it; readers never see it.
 */
export const articleViewsAccess: CollectionConfig['access'] = {
  read: allowed('readArticleViews'),
  create: () => false,
  update: () => false,
  delete: () => false,
}
