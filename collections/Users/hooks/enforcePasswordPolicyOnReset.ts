import type { CollectionBeforeOperationHook } from 'payload'

import { refuseWeakPassword } from '../passwordRefusal'

/**
 * A reset hashes the new password before any document hook runs, so ./enforcePasswordPolicy
 * never sees it; this runs before the hashing, for GraphQL's resetPasswordUser as for REST.
 */
export const enforcePasswordPolicyOnReset: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'resetPassword') return args
  refuseWeakPassword(req, (args as unknown as { data: { password?: unknown } }).data.password)
  return args
}
