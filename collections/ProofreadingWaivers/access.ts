import type { CollectionConfig } from 'payload'

import { readArticleRecords } from '@/access/articles'

/** Written only by the 校对 service (a signer's waiver, with the reason); staff read those of the articles they may read. */
export const proofreadingWaiversAccess: CollectionConfig['access'] = {
  read: readArticleRecords,
  create: () => false,
  update: () => false,
  delete: () => false,
}
