import { handleEndpoints, type Payload } from 'payload'

export type ApiReply = { status: number; json: any }
export type InProcessClient = {
  token?: string
  rest: (path: string, init?: { method?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> }) => Promise<ApiReply>
}

/**
 * Payload's REST API exactly as the Next.js route serves it (the same handler the
 * `app/(payload)/api` route exports), called in-process on the test database.
 */
export function inProcessClient(payload: Payload, token?: string): InProcessClient {
  return {
    token,
    rest: async (path, init = {}) => {
      // A FormData body (an upload) goes as multipart, with the boundary Request sets itself.
      const isForm = init.body instanceof FormData
      const body = isForm ? (init.body as FormData) : (init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body)))
      const request = new Request(`http://localhost:3000${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(body === undefined || isForm ? {} : { 'Content-Type': 'application/json' }),
          ...(token ? { Authorization: `JWT ${token}` } : {}),
          ...init.headers,
        },
        body,
      })
      return replyOf(await handleEndpoints({ config: payload.config, request }))
    },
  }
}

/** A response's status and its JSON body (null when it is not JSON: the status tells the story). */
export async function replyOf(response: Response): Promise<ApiReply> {
  const text = await response.text()
  try {
    return { status: response.status, json: JSON.parse(text) }
  } catch {
    return { status: response.status, json: null }
  }
}

export async function signedInClient(payload: Payload, email: string, password: string): Promise<InProcessClient> {
  const { status, json } = await inProcessClient(payload).rest('/api/users/login', { method: 'POST', body: { email, password } })
  if (status !== 200 || !json?.token) throw new Error(`could not sign in as ${email}: ${status} ${JSON.stringify(json)}`)
  return inProcessClient(payload, json.token)
}

/** The field paths a Payload ValidationError names, for asserting which input was refused. */
export function refusedPaths(json: any): string[] {
  return (json?.errors ?? []).flatMap((error: any) => (error?.data?.errors ?? []).map((fieldError: any) => fieldError.path))
}
