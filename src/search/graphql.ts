import type { GraphQLFieldConfig } from 'graphql'
import type * as GraphQLModule from 'graphql'
import { APIError, type PayloadRequest } from 'payload'

import { executeSearch } from './endpoint'

type Args = Record<string, string | number | boolean | null | undefined>

/**
 * `SearchArticles(q, page, limit, column, region, byline, from, to, drafts)`: the REST
 * endpoint's search, with the same rules (drafts only for signed-in staff), in GraphQL.
 */
export function searchGraphQLQueries(GraphQL: typeof GraphQLModule): Record<string, GraphQLFieldConfig<unknown, { req: PayloadRequest }, Args>> {
  const { GraphQLBoolean, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString } = GraphQL
  const Hit = new GraphQLObjectType({
    name: 'SearchHit',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLString), resolve: (hit: { id: unknown }) => String(hit.id) },
      slug: { type: new GraphQLNonNull(GraphQLString) },
      title: { type: new GraphQLNonNull(GraphQLString) },
      snippet: { type: new GraphQLNonNull(GraphQLString) },
      highlights: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(GraphQLInt))))) },
      publishedAt: { type: GraphQLString },
    },
  })
  const Results = new GraphQLObjectType({
    name: 'SearchResults',
    fields: {
      docs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(Hit))) },
      totalDocs: { type: new GraphQLNonNull(GraphQLInt) },
      page: { type: new GraphQLNonNull(GraphQLInt) },
      totalPages: { type: new GraphQLNonNull(GraphQLInt) },
      limit: { type: new GraphQLNonNull(GraphQLInt) },
    },
  })
  return {
    SearchArticles: {
      type: new GraphQLNonNull(Results),
      args: {
        q: { type: new GraphQLNonNull(GraphQLString) },
        page: { type: GraphQLInt },
        limit: { type: GraphQLInt },
        column: { type: GraphQLString },
        region: { type: GraphQLString },
        byline: { type: GraphQLString },
        from: { type: GraphQLString },
        to: { type: GraphQLString },
        drafts: { type: GraphQLBoolean },
      },
      resolve: async (_root, args, context) => {
        const params = new URLSearchParams()
        for (const [name, value] of Object.entries(args)) if (value !== null && value !== undefined) params.set(name, String(value))
        const outcome = await executeSearch(context.req, params)
        // A public APIError: Payload shows its message to the client instead of a generic one.
        if (!outcome.ok) throw new APIError(outcome.message, outcome.status, null, true)
        return outcome.results
      },
    },
  }
}
