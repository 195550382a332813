import type { CollectionConfig } from 'payload'

import { isStaffUser } from '@/access/roles'
import { allowed, allowedOrSelf, staffOnly } from '@/access/rules'

/**
 * User accounts are never public: not their emails, not even their existence. Staff see
 * each other's names; the fields in ./index decide the rest. Those who confirm bylines may
 * update any account because they link accounts to bylines; the field rules and ./hooks/refuseOthersPasswordChange
 * keep everything else of another account out of their reach.
 */
export const usersAccess: CollectionConfig['access'] = {
  admin: ({ req }) => isStaffUser(req.user),
  create: allowed('manageAccounts'),
  read: staffOnly,
  update: allowedOrSelf('confirmBylines'),
  delete: allowed('manageAccounts'),
  unlock: allowed('manageAccounts'),
}
