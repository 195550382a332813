import type { CollectionConfig } from 'payload'

import { allowed, staffOnly } from '@/access/rules'

/** The newsroom's own structure: staff see it (bylines, review sheets), readers never do. */
export const desksAccess: CollectionConfig['access'] = {
  read: staffOnly,
  create: allowed('manageDesks'),
  update: allowed('manageDesks'),
  delete: allowed('manageDesks'),
}
