import type { Access, CollectionConfig } from 'payload'

import { isStaffUser } from '@/access/roles'
import { allowed, staffOnly } from '@/access/rules'

/**
 * Staff see every photo; readers only those something public shows (src/publishing/photoPublicity.ts). Payload's
 * file route applies this condition to the file name too, image sizes included.
 */
const publicPhotosOrStaff: Access = ({ req }) => (isStaffUser(req.user) ? true : { publicUse: { equals: true } })

/** Journalists upload photos for their drafts; only editors may change or remove them. */
export const photosAccess: CollectionConfig['access'] = {
  read: publicPhotosOrStaff,
  create: staffOnly,
  update: allowed('editReferenceData'),
  delete: allowed('editReferenceData'),
}
