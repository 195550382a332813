import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { passwordProblem } from '../../../src/security/passwordPolicy'

/** Every new password (a new account, a changed one), from the admin, the APIs and seeds alike. */
export const enforcePasswordPolicy: CollectionBeforeValidateHook = ({ data, originalDoc, req, collection }) => {
  if (data?.password === undefined || data.password === null || data.password === '') return data
  const problem = passwordProblem(data.password, { email: data.email ?? originalDoc?.email })
  if (problem) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'password', message: problem }], req }, req.t)
  return data
}
