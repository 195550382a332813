import { configToSchema } from '@payloadcms/graphql'
import { graphql } from 'graphql'

import { useTestPayload } from '../helpers/payload'

const db = useTestPayload()

describe('the GraphQL API', () => {
  it('builds a valid schema from every collection (select values must be valid GraphQL names)', () => {
    const { schema } = configToSchema(db.payload.config)
    expect(schema.getQueryType()?.getFields()).toHaveProperty('Articles')
    expect(schema.getMutationType()?.getFields()).toHaveProperty('updateArticle')
  })

  it('describes the column part separators as ASCII enum values', async () => {
    const { schema } = configToSchema(db.payload.config)
    const result = await graphql({ schema, source: '{ __type(name: "Column_partSeparator") { enumValues { name } } }' })
    expect(result.data?.__type).toEqual({ enumValues: [{ name: 'middleDot' }, { name: 'zhi' }] })
  })
})
