import type { CollectionConfig } from 'payload'

import { allowed, anyone } from '@/access/rules'

/**
 * Readers may learn when a column's next installment is due (the reader column page shows
 * it); everything else about the plan is staff-only at field level.
 */
export const installmentsAccess: CollectionConfig['access'] = {
  read: anyone,
  create: allowed('editReferenceData'),
  update: allowed('editReferenceData'),
  delete: allowed('editReferenceData'),
}
