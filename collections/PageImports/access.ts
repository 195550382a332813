import type { CollectionConfig } from 'payload'

import { allowed } from '@/access/rules'

/**
 * Written only by the importer (inside the page's transaction); those who import pages read the
 * record and tick off its unassigned text as they place it. Readers never see it.
 */
export const pageImportsAccess: CollectionConfig['access'] = {
  read: allowed('importPages'),
  create: () => false,
  update: allowed('importPages'),
  delete: () => false,
}
