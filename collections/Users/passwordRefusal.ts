import { type PayloadRequest, ValidationError } from 'payload'

import { passwordProblem } from '@/security/passwordPolicy'

/** Refuses a new password the policy rejects, as a validation error on the `password` field. */
export function refuseWeakPassword(req: PayloadRequest, password: unknown, account: { email?: unknown } = {}): void {
  const problem = passwordProblem(password, account)
  if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }], req }, req.t)
}
