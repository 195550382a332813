import type { CollectionConfig } from 'payload'

import { anyone, editorsOnly } from '@/access/rules'

/**
 * Readers may learn when a column's next installment is due (the reader column page shows
 * it); everything else about the plan is staff-only at field level.
 */
export const installmentsAccess: CollectionConfig['access'] = {
  read: anyone,
  create: editorsOnly,
  update: editorsOnly,
  delete: editorsOnly,
}
