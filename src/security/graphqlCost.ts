import {
  type ExecutionArgs,
  type FieldNode,
  getNamedType,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  valueFromASTUntyped,
} from 'graphql'

import { API_MAX_LIMIT } from './apiLimits'

/**
 * What a query costs the database, which Payload's complexity limit does not see: it prices
 * every field 1 (relationships ×10), so 500 aliased `Articles(limit: 1) { totalDocs }` pass it
 * at 1,000 and run 500 COUNTs on the one thread SQLite has. Here each alias is its own query.
 */
export const GRAPHQL_MAX_COST = 1_000
/**
 * A COUNT over a collection. Payload runs one for every paginated list (whether or not the
 * query asks for totalDocs), every `count…` query, and every join field given `count: true`.
 */
export const GRAPHQL_COUNT_COST = 100
/** Any other trip to the database: a root query or mutation, a join field per parent document. */
export const GRAPHQL_QUERY_COST = 10
/** Payload's page size when a list has no `limit`. */
const DEFAULT_LIMIT = 10

type Walk = { context: ValidationContext; variables: ExecutionArgs['variableValues']; roots: Set<GraphQLNamedType>; spreading: Set<string> }

const isPage = (type: GraphQLNamedType) => isObjectType(type) && 'docs' in type.getFields()
const isCount = (type: GraphQLNamedType) => isObjectType(type) && Object.keys(type.getFields()).join() === 'totalDocs'

function argumentsOf(field: FieldNode, variables: Walk['variables']): Record<string, unknown> {
  return Object.fromEntries((field.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value, variables ?? undefined)]))
}

function typeNamed(walk: Walk, name: string | undefined, fallback: GraphQLCompositeType): GraphQLCompositeType {
  const type = name === undefined ? undefined : walk.context.getSchema().getType(name)
  return type && isCompositeType(type) ? type : fallback
}

function selectionsCost(walk: Walk, selectionSet: SelectionSetNode, parent: GraphQLCompositeType, rows: number): number {
  let cost = 0
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      cost += fieldCost(walk, selection, parent, rows)
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      cost += selectionsCost(walk, selection.selectionSet, typeNamed(walk, selection.typeCondition?.name.value, parent), rows)
    } else {
      const fragment = walk.context.getFragment(selection.name.value)
      // A cycle is graphql's NoFragmentCyclesRule's to report; counting it once is enough here.
      if (!fragment || walk.spreading.has(fragment.name.value)) continue
      walk.spreading.add(fragment.name.value)
      cost += selectionsCost(walk, fragment.selectionSet, typeNamed(walk, fragment.typeCondition.name.value, parent), rows)
      walk.spreading.delete(fragment.name.value)
    }
  }
  return cost
}

function fieldCost(walk: Walk, field: FieldNode, parent: GraphQLCompositeType, rows: number): number {
  if (!isObjectType(parent) && !isInterfaceType(parent)) return 0
  const definition = parent.getFields()[field.name.value]
  if (!definition) return 0
  const type = getNamedType(definition.type)
  const args = argumentsOf(field, walk.variables)
  const root = walk.roots.has(parent)
  let own = 0
  if (root) own = isCount(type) || (isPage(type) && args.pagination !== false) ? GRAPHQL_COUNT_COST : GRAPHQL_QUERY_COST
  else if (isPage(type)) own = args.count === true ? GRAPHQL_COUNT_COST + GRAPHQL_QUERY_COST : GRAPHQL_QUERY_COST
  // A join without a limit returns every related document: priced as the largest page.
  const pageSize = typeof args.limit === 'number' && args.limit > 0 ? args.limit : root ? DEFAULT_LIMIT : API_MAX_LIMIT
  const childRows = isPage(type) ? rows * pageSize : rows
  const children = field.selectionSet && isCompositeType(type) ? selectionsCost(walk, field.selectionSet, type, childRows) : 0
  return own * rows + children
}

/** Refuses an operation whose database cost (aliases and fragments each counted) is over the limit. */
export function databaseCostLimit(variables: ExecutionArgs['variableValues']): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const schema = context.getSchema()
      const root = schema.getRootType(operation.operation)
      if (!root) return
      const roots = new Set<GraphQLNamedType>([schema.getQueryType(), schema.getMutationType()].filter((type) => type != null))
      const cost = selectionsCost({ context, variables, roots, spreading: new Set() }, operation.selectionSet, root, 1)
      if (cost <= GRAPHQL_MAX_COST) return
      context.reportError(
        new GraphQLError(
          `查询代价过高：估计 ${cost}，上限 ${GRAPHQL_MAX_COST}。每个分页列表或计数（totalDocs）计 ${GRAPHQL_COUNT_COST}，其他查询计 ${GRAPHQL_QUERY_COST}，别名各算一次（query too costly）`,
          { nodes: [operation] },
        ),
      )
    },
  })
}
