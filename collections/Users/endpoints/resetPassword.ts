import { addDataAndFileToRequest, APIError, type Endpoint, headersWithCors, resetPasswordOperation, ValidationError } from 'payload'
import { generatePayloadCookie } from 'payload/shared'

import { refusal } from '@collections/shared/errors'
import { refuseWeakPassword } from '../passwordRefusal'

/**
 * Payload's own reset-password route answers a missing or spent token in English; this one
 * (custom endpoints are matched first) checks the password policy before the token, says
 * what is wrong with the token in Chinese, then runs the same operation.
 */
export const resetPasswordEndpoint: Endpoint = {
  path: '/reset-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const { password, token } = (req.data ?? {}) as { password?: unknown; token?: unknown }
    refuseWeakPassword(req, password)
    if (typeof token !== 'string' || !token) {
      throw new ValidationError({ collection: 'users', errors: [{ path: 'token', message: '缺少重设凭据（token）：请打开找回密码邮件里的链接。' }], req }, req.t)
    }
    const collection = req.payload.collections.users
    const result = await resetPasswordOperation({ collection, data: { password: String(password), token }, req }).catch((error: unknown) => {
      if (error instanceof APIError && error.status === 403) throw refusal('重设链接无效或已过期（token）：请重新申请找回密码，并使用最新一封邮件里的链接。', 403, 'reset-token-invalid')
      throw error
    })
    const cookie = generatePayloadCookie({ collectionAuthConfig: collection.config.auth, cookiePrefix: req.payload.config.cookiePrefix, token: result.token ?? '' })
    return Response.json(
      { message: req.t('authentication:passwordResetSuccessfully'), ...result },
      { headers: headersWithCors({ headers: new Headers({ 'Set-Cookie': cookie }), req }) },
    )
  },
}
