import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases'
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { type ExecutionArgs, GraphQLError, type ValidationContext, valueFromASTUntyped, type ValidationRule } from 'graphql'

import { GRAPHQL_MAX_DEPTH, listParameterProblems } from './apiLimits'
import { databaseCostLimit } from './graphqlCost'

/**
 * Each alias of a field is its own query, which Payload's complexity limit prices at 1; 20
 * covers a page that fetches a few lists side by side.
 */
export const GRAPHQL_MAX_ALIASES = 20

/**
 * graphql-armor's rules throw their refusals by default, which surfaces as an internal error
 * (500); reported instead, each is a 400. They also prefix "Syntax Error: " to the message,
 * hence a message of our own.
 */
const reportAs = (message: string) => ({
  exposeLimits: false,
  propagateOnRejection: false,
  onReject: [(context: ValidationContext | null) => context?.reportError(new GraphQLError(message))],
})

/**
 * Payload's complexity limit prices a query by its fields; a deep query through
 * relationships (article → column → articles → …) can stay under it yet join the whole
 * archive, so nesting is capped too. Fragments count at the depth where they are spread.
 */
const depthLimit = maxDepthRule({
  n: GRAPHQL_MAX_DEPTH,
  ignoreIntrospection: true,
  flattenFragments: true,
  ...reportAs(`查询嵌套过深：最多 ${GRAPHQL_MAX_DEPTH} 层（query too deep）`),
})

const aliasLimit = maxAliasesRule({
  n: GRAPHQL_MAX_ALIASES,
  ...reportAs(`别名过多：一次查询最多 ${GRAPHQL_MAX_ALIASES} 个别名，每个别名都是一次数据库查询（too many aliases, at most ${GRAPHQL_MAX_ALIASES}）`),
})

const LIST_ARGUMENTS = new Set(['limit', 'page', 'pagination'])

/** The REST API's page limits, for every `limit`/`page`/`pagination` argument, literal or variable. */
function listLimits(variables: ExecutionArgs['variableValues'], signedIn: boolean): ValidationRule {
  return (context) => ({
    Field(field) {
      const given: Record<string, unknown> = {}
      for (const argument of field.arguments ?? []) {
        if (LIST_ARGUMENTS.has(argument.name.value)) given[argument.name.value] = valueFromASTUntyped(argument.value, variables ?? undefined)
      }
      if (Object.keys(given).length === 0) return
      for (const problem of listParameterProblems(given, signedIn)) {
        context.reportError(new GraphQLError(`${field.name.value}(${problem.path}): ${problem.message}`, { nodes: [field] }))
      }
    },
  })
}

export function graphQLLimits(args: ExecutionArgs): ValidationRule[] {
  const req = (args.contextValue as { req?: { user?: unknown } } | undefined)?.req
  return [depthLimit, aliasLimit, databaseCostLimit(args.variableValues), listLimits(args.variableValues, Boolean(req?.user))]
}
