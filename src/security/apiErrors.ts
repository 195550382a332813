import type { AfterErrorHook } from 'payload'

/**
 * Payload reports a body it cannot parse as "An unknown error occurred.", which tells the
 * client nothing; the client gets a plain statement of what was wrong with its request.
 * Everything else keeps Payload's own handling: public errors as they are, server errors
 * without their details.
 */
export const clarifyRequestErrors: AfterErrorHook = ({ error }) => {
  if (error.message === 'Invalid JSON') {
    return { status: 400, response: { errors: [{ message: '请求体不是有效的 JSON（the request body is not valid JSON）' }] } }
  }
}
