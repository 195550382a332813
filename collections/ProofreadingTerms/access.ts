import type { CollectionConfig } from 'payload'

import { allowed, staffOnly } from '@/access/rules'

/** Staff's checker reads the list; administrators keep it; readers never see it. */
export const proofreadingTermsAccess: CollectionConfig['access'] = {
  read: staffOnly,
  create: allowed('maintainProofreadingTerms'),
  update: allowed('maintainProofreadingTerms'),
  delete: allowed('maintainProofreadingTerms'),
}
