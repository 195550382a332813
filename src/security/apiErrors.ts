import type { AfterErrorHook } from 'payload'

/** An API refusal in Payload's own error shape, never cached. */
export function apiRefusal(status: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store', ...headers } })
}

export const INVALID_JSON = '请求体不是有效的 JSON（the request body is not valid JSON）'
const MALFORMED_MULTIPART = '上传数据格式错误或不完整：multipart 请求体缺少分隔符或被截断（malformed multipart body）'

/** What Payload's multipart parser (and busboy under it) says about a body it cannot read. */
const MULTIPART_FAILURES = new Set([
  'Request is not eligible for file upload',
  'Multipart: Boundary not found',
  'Malformed part header',
  'Unexpected end of form',
  'Unexpected end of file',
  'Malformed content type',
])
const MULTIPART_LIMITS = new Set(['Multipart limit has been reached', 'Multipart request size limit has been reached'])

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT'])
/** What V8's JSON.parse says, as of Node.js 20: "Unexpected token …", "… is not valid JSON", "Unexpected end of JSON input". */
const JSON_PARSE_FAILURE = /JSON|^Unexpected (token|end|non-whitespace)|^Expected/

type Answer = { status: number; message: string }

/**
 * Errors that are the request's fault but reach Payload's error handling as internal ones
 * (500, "Something went wrong."), with the answer the client should get instead.
 */
export function requestFault(error: Error & { code?: unknown }, method = ''): Answer | null {
  if (error.message === 'Invalid JSON') return { status: 400, message: INVALID_JSON }
  // A JSON.parse of the request's own body (a multipart form's `_payload`, a method-override body);
  // only JSON's own complaints, so that a server fault (a bad RegExp) stays a 500.
  if (error.name === 'SyntaxError' && BODY_METHODS.has(method.toUpperCase()) && JSON_PARSE_FAILURE.test(error.message)) return { status: 400, message: INVALID_JSON }
  if (MULTIPART_FAILURES.has(error.message)) return { status: 400, message: MALFORMED_MULTIPART }
  if (error.message.startsWith('Unsupported content type: multipart/')) return { status: 415, message: '只接受 multipart/form-data 格式的上传（unsupported multipart type）' }
  // Payload decodes each path segment to match its routes: `%ff` is no character at all.
  if (error.name === 'URIError') return { status: 400, message: '请求路径的百分号编码无效（malformed percent-encoding in the path）' }
  if (MULTIPART_LIMITS.has(error.message)) return { status: 413, message: '表单字段过多或过大（multipart limit reached）' }
  // The file route joins the name from the URL onto the media directory: a name no file can have.
  if (error.code === 'ENAMETOOLONG') return { status: 404, message: '没有这个文件：文件名过长（file not found）' }
  if (error.code === 'ERR_INVALID_ARG_VALUE' && /null bytes/.test(error.message)) return { status: 404, message: '没有这个文件：文件名含空字符（file not found）' }
  return null
}

/**
 * Payload reports a body it cannot parse as "An unknown error occurred.", which tells the
 * client nothing; the client gets a plain statement of what was wrong with its request.
 * Everything else keeps Payload's own handling: public errors as they are, server errors
 * without their details.
 */
export const clarifyRequestErrors: AfterErrorHook = ({ error, req }) => {
  const fault = requestFault(error, req?.method)
  if (fault) return { status: fault.status, response: { errors: [{ message: fault.message }] } }
  const refused = fieldRefusal(error)
  if (refused) return { status: 400, response: { errors: [refused] } }
}

/**
 * A ValidationError with the fields it names, in Payload's own shape. Payload's formatter keeps
 * those details only for an `instanceof` its own class, which fails in the production bundle (the
 * app's hooks and Payload's handler hold different copies of the class): the client, and the
 * admin's form, then got "下面的字段是无效的： title" without saying what is wrong with it.
 */
function fieldRefusal(error: Error & { data?: unknown; status?: unknown }) {
  const data = error.data as { errors?: unknown } | undefined
  if (error.status !== 400 || !Array.isArray(data?.errors) || data.errors.length === 0) return null
  return { name: 'ValidationError', message: error.message, data }
}

/**
 * For errors thrown out of Payload's route handlers instead of answered (a malformed body read
 * before Payload's own error handling starts): the answer, or null to let it be a 500.
 */
export function thrownErrorAnswer(error: unknown, method: string): Response | null {
  // Not `instanceof Error`: an error from another realm (a vm context, a worker) is not one.
  if (typeof error !== 'object' || error === null || typeof (error as Error).message !== 'string') return null
  const fault = requestFault(error as Error, method)
  if (fault) return apiRefusal(fault.status, fault.message)
  const { status, message } = error as { status?: unknown; message: string }
  if (typeof status === 'number' && status >= 400 && status < 500) return apiRefusal(status, message)
  return null
}
