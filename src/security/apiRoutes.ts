import { executeAuthStrategies, getPayload } from 'payload'

import { apiRefusal, thrownErrorAnswer } from './apiErrors'
import { BODY_LIMITS, bodyRefusal, isAnonymous, UPLOAD_COLLECTIONS, withoutCredentials } from './bodyLimits'
import { graphQLLoginAttempts, readGraphQLBody } from './graphqlRequest'
import { rateLimitRefusal } from './rateLimits'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

/**
 * Checks every API request's declared body size before Payload's handler reads a byte, and
 * answers request faults that Payload's handlers throw instead of answering. Here, not in
 * proxy.ts: Next.js gives a route handler the body as a stream it has not started reading, so
 * a refusal costs nothing but the headers, while for a path the proxy matches it receives the
 * whole body before answering.
 */
function guarded<Args extends unknown[]>(handler: Handler<Args>): Handler<Args> {
  return async (request, ...args) => {
    const refusal = await sizeRefusal(request)
    if (refusal) return apiRefusal(refusal.status, refusal.message)
    try {
      return await handler(request, ...args)
    } catch (error) {
      const answer = thrownErrorAnswer(error, request.method)
      if (answer) return answer
      throw error
    }
  }
}

/**
 * A body larger than a reader may send is read only for a session or API key that verifies:
 * a forged `payload-token` cookie or `Authorization` header would otherwise earn any client the
 * signed-in limits, and Payload parses the body before it looks at who sent it. Smaller bodies
 * skip the check, so readers' requests cost no verification.
 */
async function sizeRefusal(request: Request) {
  const pathname = new URL(request.url).pathname
  const refusal = bodyRefusal(request.method, pathname, request.headers)
  if (refusal || isAnonymous(request.headers) || !(Number(request.headers.get('content-length')) > BODY_LIMITS.anonymous)) return refusal
  if (await hasVerifiedCredentials(request.headers)) return null
  return bodyRefusal(request.method, pathname, withoutCredentials(request.headers))
}

async function hasVerifiedCredentials(headers: Headers): Promise<boolean> {
  // Imported when first needed: the config chooses its database as it is evaluated (tests set it first).
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false, isGraphQL: false })
  return Boolean(user)
}

const UNKNOWN_ROUTE = /^(Route not found|Cannot [A-Z]+ )/
const FILE_PATH = new RegExp(`^/api/(${UPLOAD_COLLECTIONS.join('|')})/file/`)

/**
 * Answers Payload gives in English or as server faults for what is the client's mistake: a path
 * no endpoint serves ("Route not found", 404, or "Cannot GET …", 501 where a collection has no
 * endpoints), and a file name with no file behind it (Payload answers 500 "Something went
 * wrong." on purpose, after logging the missing path, so as to reveal nothing). A disk fault on
 * that route reads as 404 to the client too; Payload's log still names it.
 */
async function clarified(response: Response, request: Request): Promise<Response> {
  const { pathname } = new URL(request.url)
  const headers = Object.fromEntries(response.headers)
  delete headers['content-length']
  if (response.status === 500 && (request.method === 'GET' || request.method === 'HEAD') && FILE_PATH.test(pathname)) {
    return apiRefusal(404, '没有这个文件（file not found）', headers)
  }
  if (response.status !== 404 && response.status !== 501) return response
  const body = (await response.clone().json().catch(() => null)) as { message?: unknown } | null
  if (typeof body?.message !== 'string' || !UNKNOWN_ROUTE.test(body.message)) return response
  return apiRefusal(404, `没有这个接口：${pathname.slice(0, 200)}（no such API route）`, headers)
}

/** Payload's REST routes (app/(payload)/api/[...slug]), with the login and search rate limits. */
export function guardedRestRoute<Args extends unknown[]>(handler: Handler<Args>): Handler<Args> {
  return guarded(async (request, ...args) => {
    const limited = await rateLimitRefusal(request.method, new URL(request.url).pathname, request.headers)
    return limited ?? clarified(await handler(request, ...args), request)
  })
}

/**
 * Payload's GraphQL route. The body is read once here (within its size limit) and checked for
 * what Payload's handler would turn into a 500 (see readGraphQLBody); its login-type fields are
 * counted against the login rate limit, each alias and fragment included; then it is handed on.
 * Unless the client asks for plain application/json, graphql-http is asked for GraphQL over
 * HTTP's own media type: then a query it refuses (validation) is a 400, not the legacy 200.
 */
export function guardedGraphQLRoute(handler: Handler<[]>): Handler<[]> {
  return guarded(async (request) => {
    const text = await request.text()
    const body = readGraphQLBody(request.headers.get('content-type'), text)
    if (!body.ok) return apiRefusal(body.status, body.message)
    const limited = await rateLimitRefusal(request.method, new URL(request.url).pathname, request.headers, graphQLLoginAttempts(body.document))
    if (limited) return limited
    const headers = new Headers(request.headers)
    if (!/application\/json/i.test(headers.get('accept') ?? '')) headers.set('accept', 'application/graphql-response+json; charset=utf-8')
    return handler(new Request(request.url, { method: request.method, headers, body: text }))
  })
}
