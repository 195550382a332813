import type { CollectionConfig } from 'payload'

import { isStaffUser } from '@/access/roles'
import { adminsOnly, editorsOrSelf, staffOnly } from '@/access/rules'

/**
 * User accounts are never public: not their emails, not even their existence. Staff see
 * each other's names; the fields in ./index decide the rest. Editors may update any account
 * because they link accounts to bylines; the field rules and ./hooks/refuseOthersPasswordChange
 * keep everything else of another account out of their reach.
 */
export const usersAccess: CollectionConfig['access'] = {
  admin: ({ req }) => isStaffUser(req.user),
  create: adminsOnly,
  read: staffOnly,
  update: editorsOrSelf,
  delete: adminsOnly,
  unlock: adminsOnly,
}
