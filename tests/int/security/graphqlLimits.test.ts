import { GRAPHQL_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import { API_MAX_LIMIT, GRAPHQL_MAX_DEPTH } from '../../../src/security/apiLimits'
import { signedInClient } from '../../helpers/inProcessApi'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload
let editorToken: string

useTestPayload({ staff: true }, async (booted) => {
  payload = booted.payload
  editorToken = (await signedInClient(payload, booted.staff.editor.email, STAFF_PASSWORD)).token ?? ""
})

/** The GraphQL route exactly as app/(payload)/api/graphql serves it. */
async function graphql(query: string, variables?: Record<string, unknown>, token?: string) {
  const request = new Request('http://localhost:3000/api/graphql', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  })
  const response = await GRAPHQL_POST(Promise.resolve(payload.config))(request)
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string }[] } }
}


describe('GraphQL limits', () => {
  it(`refuses a query nested deeper than ${GRAPHQL_MAX_DEPTH} levels, saying why`, async () => {
    const deep = `{ Articles { docs { ${'column { articles { docs { '.repeat(3)}id${' } } }'.repeat(3)} } } }`
    const { body } = await graphql(deep)
    expect(body.data).toBeUndefined()
    expect(body.errors?.map((error) => error.message).join('\n')).toMatch(/嵌套过深|query too deep/)
  })

  it('answers a query of ordinary depth', async () => {
    const { status, body } = await graphql('{ Articles(limit: 5) { docs { id title column { name } } totalDocs } }')
    expect(status).toBe(200)
    expect(body.errors).toBeUndefined()
    expect(body.data.Articles.docs).toEqual(expect.any(Array))
  })

  it(`refuses a limit over ${API_MAX_LIMIT}, written literally or passed as a variable`, async () => {
    const literal = await graphql(`{ Articles(limit: ${API_MAX_LIMIT + 1}) { docs { id } } }`)
    expect(literal.body.errors?.[0]?.message).toMatch(/limit/)
    const variable = await graphql('query ($n: Int) { Articles(limit: $n) { docs { id } } }', { n: 100000 })
    expect(variable.body.errors?.[0]?.message).toMatch(/limit/)
    expect(variable.body.data).toBeUndefined()
  })

  it('refuses pagination: false from anonymous clients but lets staff use it with a limit', async () => {
    const anonymous = await graphql('{ Articles(pagination: false) { docs { id } } }')
    expect(anonymous.body.errors?.[0]?.message).toMatch(/pagination/)
    const staff = await graphql('{ Articles(pagination: false, limit: 5) { docs { id } } }', undefined, editorToken)
    expect(staff.body.errors).toBeUndefined()
  })

  it('refuses a query whose cost exceeds the complexity limit', async () => {
    const wide = `{ ${Array.from({ length: 100 }, (_, index) => `a${index}: Articles(limit: 100) { docs { id title column { name } } }`).join(' ')} }`
    const { body } = await graphql(wide)
    expect(body.data).toBeUndefined()
    expect(body.errors?.[0]?.message).toMatch(/complexity/i)
  })
})
