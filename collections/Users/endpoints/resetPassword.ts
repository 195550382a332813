import { addDataAndFileToRequest, type Endpoint, headersWithCors, resetPasswordOperation, ValidationError } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { passwordProblem } from '../../../src/security/passwordPolicy'

/**
 * Payload's own reset-password route hashes the new password before any collection hook
 * sees it, so the password policy could not refuse it there. This route takes its place
 * (custom endpoints are matched first), checks the policy, then runs the same operation.
 */
export const resetPasswordEndpoint: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const { password, token } = (req.data ?? {}) as { password?: unknown; token?: unknown }
    const problem = passwordProblem(password)
    if (problem) throw new ValidationError({ collection: 'users', errors: [{ path: 'password', message: problem }], req }, req.t)
    const collection = req.payload.collections.users
    const result = await resetPasswordOperation({ collection, data: { password: String(password), token: typeof token === 'string' ? token : '' }, req })
    const cookie = generatePayloadCookie({ collectionAuthConfig: collection.config.auth, cookiePrefix: req.payload.config.cookiePrefix, token: result.token ?? '' })
    return Response.json(
      { message: req.t('authentication:passwordResetSuccessfully'), ...result },
      { headers: headersWithCors({ headers: new Headers({ 'Set-Cookie': cookie }), req }) },
    )
  },
}
