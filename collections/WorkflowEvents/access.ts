import type { CollectionConfig } from 'payload'

import { staffOnly } from '../../src/access/rules'

/** The history is written by the workflow service alone and never rewritten. */
export const workflowEventsAccess: CollectionConfig['access'] = {
  read: staffOnly,
  create: () => false,
  update: () => false,
  delete: () => false,
}
