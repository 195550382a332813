export type GraphqlReply = { status: number; data?: any; errors?: { message: string; extensions?: { statusCode?: number } }[] }

/**
 * The GraphQL route module itself (app/(payload)/api/graphql), called in-process on the test
 * database, anonymously or with a session token (signedInClient's). Imported on first use:
 * the module reads the config, which needs the test database's DATABASE_URI set first.
 */
export function inProcessGraphql(token?: string) {
  return async (query: string, variables?: Record<string, unknown>): Promise<GraphqlReply> => {
    const { POST } = await import('../../app/(payload)/api/graphql/route')
    const request = new Request('http://localhost:3000/api/graphql', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    })
    const response = await POST(request)
    return { status: response.status, ...((await response.json()) as Omit<GraphqlReply, 'status'>) }
  }
}
