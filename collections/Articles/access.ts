import type { CollectionConfig } from 'payload'

import { editorsOnly, publishedOrStaff, staffOnly } from '../../src/access/rules'

export const articlesAccess: CollectionConfig['access'] = {
  read: publishedOrStaff,
  readVersions: staffOnly,
  create: staffOnly,
  update: staffOnly,
  delete: editorsOnly,
}
