import type { GraphQLResolveInfo, OperationDefinitionNode } from 'graphql'
import { APIError, type PayloadRequest } from 'payload'

import type { Env } from '@/config/environment'

/**
 * How long an anonymous GraphQL request's operations may run, all together. On SQLite every
 * query runs on the event loop's thread, so one request's operations hold up every other
 * request; a query already running cannot be interrupted, but the next one is not started.
 */
export const GRAPHQL_ANONYMOUS_BUDGET_MS = 3_000

/** `NEWSROOM_GRAPHQL_BUDGET_MS` overrides the budget (tests use 0: exactly one operation runs). */
export function anonymousBudgetMs(env: Env = process.env): number {
  const configured = env.NEWSROOM_GRAPHQL_BUDGET_MS?.trim()
  return configured && Number.isFinite(Number(configured)) && Number(configured) >= 0 ? Number(configured) : GRAPHQL_ANONYMOUS_BUDGET_MS
}

type Context = { req?: PayloadRequest }
/** Any field's resolver, whatever its arguments and context. */
type Resolver = (source: unknown, args: never, context: never, info: GraphQLResolveInfo) => unknown
type Budget = { startedAt?: number; queue: Promise<unknown> }

/**
 * One budget per request. Keyed by the parsed operation, which every root field of a request
 * shares: Payload's resolvers each replace `context.req` with a proxy of their own, and custom
 * queries get a copy of the context, so neither object identifies the request.
 */
const budgets = new WeakMap<OperationDefinitionNode, Budget>()
const settle = () => undefined

/**
 * graphql-js starts every root field of a query at once, and each runs until its first pending
 * await, so a check at the start of each would pass all 500 aliases before the first query ran.
 * Chained one after another, each is checked just before it starts, against the time its
 * predecessors took.
 */
function budgeted(resolve: Resolver): Resolver {
  return (source, args, context, info) => {
    if ((context as Context | undefined)?.req?.user) return resolve(source, args, context, info)
    let budget = budgets.get(info.operation)
    if (!budget) budgets.set(info.operation, (budget = { queue: Promise.resolve() }))
    const current = budget
    const limitMs = anonymousBudgetMs()
    const run = current.queue.then(() => {
      const now = performance.now()
      current.startedAt ??= now
      if (now - current.startedAt > limitMs) {
        throw new APIError(`本次查询已用完 ${limitMs / 1000} 秒的时间预算，其余字段未执行；请拆分查询（time budget of the request spent）`, 429)
      }
      return resolve(source, args, context, info)
    })
    current.queue = run.then(settle, settle)
    return run
  }
}

/**
 * Puts anonymous requests' root fields under the time budget, in place: Payload hands its
 * built root fields to `graphQL.queries`/`mutations` (payload.config.ts) and builds the schema
 * from those same objects afterwards. Returns the fields, for custom ones.
 */
export function withOperationBudget<Fields extends Record<string, { resolve?: Resolver }>>(fields: Fields): Fields {
  for (const field of Object.values(fields)) {
    if (field.resolve) field.resolve = budgeted(field.resolve)
  }
  return fields
}
