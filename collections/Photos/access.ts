import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly, staffOnly } from '../../src/access/rules'

/** Journalists upload photos for their drafts; only editors may change or remove them. */
export const photosAccess: CollectionConfig['access'] = {
  read: anyone,
  create: staffOnly,
  update: editorsOnly,
  delete: editorsOnly,
}
