import type { CollectionBeforeValidateHook } from 'payload'

import { refuseWeakPassword } from '../passwordRefusal'

/** Every new password (a new account, a changed one), from the admin, the APIs and seeds alike. */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (data?.password === undefined || data.password === null || data.password === '') return data
  refuseWeakPassword(req, data.password, { email: data.email ?? originalDoc?.email })
  return data
}
