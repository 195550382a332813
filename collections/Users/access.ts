import type { CollectionConfig } from 'payload'

import { isStaffUser } from '../../src/access/roles'
import { adminsOnly, adminsOrSelf, staffOnly } from '../../src/access/rules'

/** User accounts are never public: not their emails, not even their existence. */
export const usersAccess: CollectionConfig['access'] = {
  admin: ({ req }) => isStaffUser(req.user),
  create: adminsOnly,
  read: staffOnly,
  update: adminsOrSelf,
  delete: adminsOnly,
  unlock: adminsOnly,
}
