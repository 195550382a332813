import type { ShapeProblem } from './requestShape'

/**
 * How much one API request may ask for. Anonymous clients get pages of at most 100
 * documents, the admin's largest page size; depth 3 covers every relationship a reader page
 * or an integration needs (article → column → its photo) while keeping a single request from
 * fanning out over the whole archive.
 */
export const API_MAX_LIMIT = 100
/**
 * Signed-in staff may ask for pages of up to 250: Payload's admin asks for that many in its own
 * requests (the names in a list's or join table's relationship cells: `limit=250` in
 * @payloadcms/ui's RelationshipProvider). Under it, every such cell reads "无标题 - ID: n".
 * The admin's other REST lookups ask for fewer: pickers and filters 10, a field's chosen
 * documents as many as it holds; its lists, join tables and version lists run on the server.
 */
export const STAFF_MAX_LIMIT = 250
export const API_MAX_PAGE = 10_000
export const API_MAX_DEPTH = 3
/** A list ordered by date, then a tie-breaker or two: each is an ORDER BY term the database must honour. */
export const MAX_SORT_FIELDS = 3
/** and/or nesting in a query: the admin's filter builder uses two levels; every walk over a query stays short. */
export const MAX_WHERE_DEPTH = 8
/** GraphQL: Payload's cost model counts each field 1 and each relationship ×10 deeper down. */
export const GRAPHQL_MAX_COMPLEXITY = 1_000
export const GRAPHQL_MAX_DEPTH = 8

type ListParameters = { limit?: unknown; page?: unknown; pagination?: unknown; depth?: unknown }

/** The largest page a client may ask for: the one rule for REST and GraphQL. */
export function maxLimitFor(signedIn: boolean): number {
  return signedIn ? STAFF_MAX_LIMIT : API_MAX_LIMIT
}

export function listParameterProblems(args: ListParameters, signedIn: boolean): ShapeProblem[] {
  const problems: ShapeProblem[] = []
  const maxLimit = maxLimitFor(signedIn)
  const range = (name: keyof ListParameters, min: number, max: number, hint = '') => {
    const value = args[name]
    if (value === undefined) return
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push({ path: name, message: `应为 ${min} 到 ${max} 之间的整数${hint}（expected an integer from ${min} to ${max}）` })
    }
  }
  range('limit', 1, maxLimit, '，更多结果请翻页')
  range('page', 1, API_MAX_PAGE)
  range('depth', 0, API_MAX_DEPTH)
  // Without paging Payload returns every match; staff may skip the count, but only with a limit.
  if (args.pagination === false && !signedIn) {
    problems.push({ path: 'pagination', message: '匿名请求不能关闭分页，请用 limit 和 page 分页读取（anonymous requests must paginate）' })
  } else if (args.pagination === false && args.limit === undefined) {
    problems.push({ path: 'pagination', message: `关闭分页时须同时给出 limit（不超过 ${maxLimit}）（pagination=false needs a limit）` })
  }
  return problems
}
