import type { Payload } from 'payload'

import { UPLOAD_COLLECTIONS } from '@/security/bodyLimits'
import { GRAPHQL_LOGIN_FIELDS } from '@/security/graphqlRequest'
import { useTestPayload } from '../../helpers/payload'

// The body limits and the login count name collections and GraphQL fields without loading the
// config (they run before Payload does); these tests keep the names in step with it.
let payload: Payload

useTestPayload({}, async (booted) => {
  payload = booted.payload
})

describe('the names the request limits rely on', () => {
  it('gives the upload body limit to exactly the collections that take uploads', () => {
    const uploads = payload.config.collections.filter((collection) => collection.upload).map((collection) => collection.slug)
    expect([...UPLOAD_COLLECTIONS].sort()).toEqual(uploads.sort())
  })

  it('counts every GraphQL mutation that tries a password or mails a reset link as a login', async () => {
    const route = (await import('../../../app/(payload)/api/graphql/route')).POST
    const response = await route(new Request('http://localhost:3000/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query: '{ __type(name: "Mutation") { fields { name } } }' }) }))
    const mutations = ((await response.json()) as { data: { __type: { fields: { name: string }[] } } }).data.__type.fields.map((field) => field.name)
    expect(mutations.filter((name) => /^(login|forgotPassword|resetPassword)/.test(name)).sort()).toEqual([...GRAPHQL_LOGIN_FIELDS].sort())
  })
})
