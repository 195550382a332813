import { type DocumentNode, GraphQLError, Kind, parse, visit } from 'graphql'

import { INVALID_JSON } from './apiErrors'

/**
 * GraphQL's own ways to try a password or to mail a reset link; each field is one attempt,
 * whatever its alias or the fragment it sits in. (Payload names them after the auth
 * collection: `users` → `loginUser`; tests/int/security/bodyLimits.test.ts checks the schema.)
 */
export const GRAPHQL_LOGIN_FIELDS = new Set(['loginUser', 'forgotPasswordUser', 'resetPasswordUser'])

/**
 * Fragments spreading fragments, this many deep at most, and this many fields once they are
 * expanded: Payload's complexity rule recurses once per level and walks every expanded field,
 * with no memory of fragments it has already priced.
 */
export const GRAPHQL_MAX_FRAGMENT_CHAIN = 32
export const GRAPHQL_MAX_EXPANDED_FIELDS = 5_000

/**
 * Syntax nodes inside one another (fields, selections, argument objects and lists), this many
 * at most: far above any query the depth limit lets through, and far below what exhausts the
 * stack of the recursive validators (Payload's complexity rule, graphql's value checks).
 */
export const GRAPHQL_MAX_NESTING = 256
const TOO_DEEP = `GraphQL 查询嵌套过深：语法层级最多 ${GRAPHQL_MAX_NESTING} 层（query nested too deep）`
const VARIABLES_TOO_DEEP = `GraphQL 变量嵌套过深：对象与数组最多 ${GRAPHQL_MAX_NESTING} 层（variables nested too deep）`

export type GraphQLBody = { ok: true; document: DocumentNode } | { ok: false; status: 400 | 415; message: string }

const refused = (status: 400 | 415, message: string): GraphQLBody => ({ ok: false, status, message })

/**
 * The request body as Payload's GraphQL handler (graphql-http) reads it: one JSON object with
 * a `query` string, sent as application/json. Anything it would refuse is refused here with
 * the reason in Chinese, and so are the shapes it mishandles: a body that is not JSON (Payload
 * throws before graphql-http answers, a 500), a fragment cycle (Payload's complexity rule
 * follows the spreads before graphql's NoFragmentCyclesRule reports them, and overflows the
 * stack), and documents deep or wide enough to exhaust the stack or the CPU in the validators.
 */
export function readGraphQLBody(contentType: string | null, text: string): GraphQLBody {
  const mediaType = (contentType ?? '').split(';', 1)[0]?.trim().toLowerCase()
  if (mediaType !== 'application/json') return refused(415, 'GraphQL 请求须以 application/json 发送（unsupported media type）')
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return refused(400, INVALID_JSON)
  }
  if (Array.isArray(body)) return refused(400, '不支持批量查询：请求体须为一个 JSON 对象（batched queries are not supported）')
  const query = (body as { query?: unknown } | null)?.query
  if (typeof query !== 'string') return refused(400, '请求体须为含 query 字符串的 JSON 对象（missing query）')
  // graphql coerces variables recursively, before any of Payload's checks see the conditions in them.
  if (jsonDepth((body as { variables?: unknown }).variables) > GRAPHQL_MAX_NESTING) return refused(400, VARIABLES_TOO_DEEP)
  let document: DocumentNode
  try {
    document = parse(query, { noLocation: true })
  } catch (error) {
    // graphql's parser recurses once per nesting level: a few thousand braces exhaust the stack.
    if (error instanceof RangeError) return refused(400, TOO_DEEP)
    if (!(error instanceof GraphQLError)) throw error
    return refused(400, `GraphQL 查询无法解析：${error.message}（syntax error）`)
  }
  const surveyed = survey(document)
  if (surveyed.deepest > GRAPHQL_MAX_NESTING) return refused(400, TOO_DEEP)
  const { cycle, chain, expandedFields } = fragmentShape(surveyed)
  if (cycle) return refused(400, `GraphQL 片段循环引用：${cycle.join(' → ')}（fragment cycle）`)
  if (chain > GRAPHQL_MAX_FRAGMENT_CHAIN) return refused(400, `GraphQL 片段嵌套过深：最多 ${GRAPHQL_MAX_FRAGMENT_CHAIN} 层（fragments nested too deep）`)
  if (expandedFields > GRAPHQL_MAX_EXPANDED_FIELDS) {
    return refused(400, `GraphQL 查询过大：展开片段后最多 ${GRAPHQL_MAX_EXPANDED_FIELDS} 个字段（too many fields once fragments are expanded）`)
  }
  return { ok: true, document }
}

/** How many login-type fields the document holds: every alias and every fragment counts. */
export function graphQLLoginAttempts(document: DocumentNode): number {
  let attempts = 0
  visit(document, {
    Field(field) {
      if (GRAPHQL_LOGIN_FIELDS.has(field.name.value)) attempts += 1
    },
  })
  return attempts
}

/** How many objects and arrays sit inside one another, walked with a stack of its own. */
function jsonDepth(value: unknown): number {
  let deepest = 0
  const pending: [unknown, number][] = [[value, 0]]
  while (pending.length > 0) {
    const [next, depth] = pending.pop() as [unknown, number]
    if (next === null || typeof next !== 'object') continue
    deepest = Math.max(deepest, depth + 1)
    if (deepest > GRAPHQL_MAX_NESTING) return deepest
    for (const child of Object.values(next)) pending.push([child, depth + 1])
  }
  return deepest
}

type Definition = { fields: number; spreads: string[] }
type Survey = { deepest: number; fragments: Map<string, Definition>; operations: Definition[] }

/** One pass over the document (graphql's visit keeps its own stack, so it cannot overflow). */
function survey(document: DocumentNode): Survey {
  const found: Survey = { deepest: 0, fragments: new Map(), operations: [] }
  let depth = 0
  let current: Definition = { fields: 0, spreads: [] }
  visit(document, {
    enter(node) {
      found.deepest = Math.max(found.deepest, ++depth)
      if (node.kind === Kind.FRAGMENT_DEFINITION || node.kind === Kind.OPERATION_DEFINITION) {
        current = { fields: 0, spreads: [] }
        if (node.kind === Kind.FRAGMENT_DEFINITION) found.fragments.set(node.name.value, current)
        else found.operations.push(current)
      } else if (node.kind === Kind.FIELD) current.fields += 1
      else if (node.kind === Kind.FRAGMENT_SPREAD) current.spreads.push(node.name.value)
    },
    leave: () => void depth--,
  })
  return found
}

/**
 * How fragments spread fragments: the first cycle (A → B → A), the longest chain, and how many
 * fields the largest operation has once every spread is expanded (a fragment spreading the next
 * one twice, 30 deep, is a billion fields). Walked with a stack of its own and each fragment
 * measured once, because a 256 KB query can hold thousands of fragments.
 */
function fragmentShape({ fragments, operations }: Survey): { cycle: string[] | null; chain: number; expandedFields: number } {
  const measured = new Map<string, { chain: number; fields: number }>()
  for (const start of fragments.keys()) {
    if (measured.has(start)) continue
    const stack = [{ name: start, next: 0 }]
    const onPath = new Set([start])
    while (stack.length > 0) {
      const top = stack[stack.length - 1] as { name: string; next: number }
      const { fields, spreads } = fragments.get(top.name) as Definition
      if (top.next < spreads.length) {
        const child = spreads[top.next++] as string
        if (onPath.has(child)) {
          const names = stack.map((frame) => frame.name)
          return { cycle: [...names.slice(names.indexOf(child)), child], chain: Infinity, expandedFields: Infinity }
        }
        if (fragments.has(child) && !measured.has(child)) {
          stack.push({ name: child, next: 0 })
          onPath.add(child)
        }
        continue
      }
      const children = spreads.map((child) => measured.get(child) ?? { chain: 0, fields: 0 })
      measured.set(top.name, {
        chain: 1 + children.reduce((longest, child) => Math.max(longest, child.chain), 0),
        fields: children.reduce((total, child) => total + child.fields, fields),
      })
      onPath.delete(top.name)
      stack.pop()
    }
  }
  const expanded = (definition: Definition) => definition.spreads.reduce((total, name) => total + (measured.get(name)?.fields ?? 0), definition.fields)
  return {
    cycle: null,
    chain: [...measured.values()].reduce((longest, { chain }) => Math.max(longest, chain), 0),
    expandedFields: operations.reduce((largest, operation) => Math.max(largest, expanded(operation)), 0),
  }
}
