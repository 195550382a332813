import type { CollectionConfig } from 'payload'

import { allowed, anyone, staffOnly } from '@/access/rules'

/** Journalists may create tags while tagging their drafts; only editors curate them. */
export const tagsAccess: CollectionConfig['access'] = {
  read: anyone,
  create: staffOnly,
  update: allowed('editReferenceData'),
  delete: allowed('editReferenceData'),
}
