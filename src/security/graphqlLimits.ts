import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth'
import { type ExecutionArgs, GraphQLError, valueFromASTUntyped, type ValidationRule } from 'graphql'

import { GRAPHQL_MAX_DEPTH, listParameterProblems } from './apiLimits'

/**
 * Payload's complexity limit prices a query by its fields; a deep query through
 * relationships (article → column → articles → …) can stay under it yet join the whole
 * archive, so nesting is capped too. Fragments count at the depth where they are spread.
 */
const depthLimit = maxDepthRule({
  n: GRAPHQL_MAX_DEPTH,
  ignoreIntrospection: true,
  flattenFragments: true,
  exposeLimits: false,
  errorMessage: `查询嵌套过深：最多 ${GRAPHQL_MAX_DEPTH} 层（query too deep）`,
  // Thrown, the refusal would surface as an internal error (500); reported, it is a 400.
  propagateOnRejection: false,
  onReject: [(context, error) => context?.reportError(error)],
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
  return [depthLimit, listLimits(args.variableValues, Boolean(req?.user))]
}
