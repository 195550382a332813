/** A minimal REST/GraphQL client for one session (anonymous, or signed in with a token). */
export type Session = {
  token?: string
  rest: (path: string, init?: { method?: string; body?: unknown }) => Promise<{ status: number; json: any; text: string }>
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<{ data?: any; errors?: { message: string }[] }>
}

export function session(baseUrl: string, token?: string): Session {
  const headers = (json: boolean): Record<string, string> => ({
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    ...(token ? { Authorization: `JWT ${token}` } : {}),
  })
  return {
    token,
    rest: async (path, init = {}) => {
      const response = await fetch(`${baseUrl}${path}`, {
        method: init.method ?? 'GET',
        headers: headers(init.body !== undefined),
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      })
      const text = await response.text()
      return { status: response.status, json: parseJson(text), text }
    },
    graphql: async (query, variables) => {
      const response = await fetch(`${baseUrl}/api/graphql`, { method: 'POST', headers: headers(true), body: JSON.stringify({ query, variables }) })
      return (await response.json()) as { data?: any; errors?: { message: string }[] }
    },
  }
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

export async function signInSession(baseUrl: string, email: string, password: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  const { token } = (await response.json()) as { token?: string }
  if (!token) throw new Error(`could not sign in as ${email}`)
  return session(baseUrl, token)
}

/**
 * Saves an article as the admin does: based on the version just read (its `updatedAt`),
 * which the server requires of every update.
 */
export async function saveArticle(client: Session, id: number | string, data: Record<string, unknown>, options: { draft?: boolean } = {}) {
  const draft = options.draft ?? true
  const current = await client.rest(`/api/articles/${id}?depth=0&draft=true`)
  return client.rest(`/api/articles/${id}${draft ? '?draft=true' : ''}`, { method: 'PATCH', body: { ...data, updatedAt: current.json?.updatedAt } })
}
