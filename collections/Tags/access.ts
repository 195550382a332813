import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly, staffOnly } from '@/access/rules'

/** Journalists may create tags while tagging their drafts; only editors curate them. */
export const tagsAccess: CollectionConfig['access'] = {
  read: anyone,
  create: staffOnly,
  update: editorsOnly,
  delete: editorsOnly,
}
