import type { Endpoint, Payload, PayloadRequest, Where } from 'payload'

import { isAdminUser, isStaffUser } from '../access/roles'
import type { DocumentId } from '../data/relationId'
import { isCalendarDate } from '../newsroom/dates'
import { rebuildSearchIndex } from './indexer'
import { SEARCH_LIMITS, type SearchFilters, type SearchResults, searchArticles } from './query'

const FILTER_COLLECTIONS = { column: 'columns', region: 'regions', byline: 'bylines' } as const
const FILTER_LABELS = { column: '专栏', region: '地区', byline: '署名' } as const
type FilterName = keyof typeof FILTER_COLLECTIONS

export type SearchParams = {
  q: string
  page: number
  limit: number
  drafts: boolean
  /** Column, region and byline by slug or id, as given. */
  refs: Partial<Record<FilterName, string>>
  from?: string
  to?: string
}

type Parsed = { ok: true; params: SearchParams } | { ok: false; message: string }

function wholeNumber(value: string | null, name: string, max: number, fallback: number): number | string {
  if (value === null || value === '') return fallback
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > max) return `参数 ${name} 必须是 1 到 ${max} 之间的整数`
  return Number(value)
}

/** Reads `q`, `page`, `limit`, the filters and `drafts`; says in Chinese which parameter is wrong. */
export function parseSearchParams(params: URLSearchParams): Parsed {
  const q = (params.get('q') ?? '').trim()
  if (!q) return { ok: false, message: '缺少检索词：请提供参数 q' }
  if (Array.from(q).length > SEARCH_LIMITS.maxQueryLength) return { ok: false, message: `检索词过长：最多 ${SEARCH_LIMITS.maxQueryLength} 个字` }
  const page = wholeNumber(params.get('page'), 'page', SEARCH_LIMITS.maxPage, 1)
  if (typeof page === 'string') return { ok: false, message: page }
  const limit = wholeNumber(params.get('limit'), 'limit', SEARCH_LIMITS.maxLimit, SEARCH_LIMITS.defaultLimit)
  if (typeof limit === 'string') return { ok: false, message: limit }
  const refs: SearchParams['refs'] = {}
  for (const name of Object.keys(FILTER_COLLECTIONS) as FilterName[]) {
    const value = params.get(name)?.trim()
    if (!value) continue
    if (!/^[0-9a-z-]{1,100}$/i.test(value)) return { ok: false, message: `参数 ${name}（${FILTER_LABELS[name]}）应为编号或别名` }
    refs[name] = value
  }
  const dates: Pick<SearchParams, 'from' | 'to'> = {}
  for (const name of ['from', 'to'] as const) {
    const value = params.get(name)?.trim()
    if (!value) continue
    if (!isCalendarDate(value)) return { ok: false, message: `参数 ${name} 必须是 YYYY-MM-DD 格式的有效日期` }
    dates[name] = value
  }
  if (dates.from && dates.to && dates.from > dates.to) return { ok: false, message: '参数 from 不能晚于 to' }
  const drafts = params.get('drafts')
  if (drafts !== null && drafts !== 'true' && drafts !== 'false') return { ok: false, message: '参数 drafts 只能是 true 或 false' }
  return { ok: true, params: { q, page, limit, drafts: drafts === 'true', refs, ...dates } }
}

/**
 * Turns slugs (or ids) into ids, reading as `req`'s user may; `null` names the first filter
 * that matches nothing.
 */
export async function resolveSearchFilters(payload: Payload, params: Pick<SearchParams, 'refs' | 'from' | 'to'>, req?: Partial<PayloadRequest>): Promise<{ filters: SearchFilters } | { unknown: FilterName }> {
  const filters: SearchFilters = { from: params.from, to: params.to }
  for (const name of Object.keys(params.refs) as FilterName[]) {
    const ref = params.refs[name]!
    const where: Where = /^\d+$/.test(ref) ? { or: [{ id: { equals: Number(ref) } }, { slug: { equals: ref } }] } : { or: [{ slug: { equals: ref } }, ...(/^[0-9a-f]{24}$/.test(ref) ? [{ id: { equals: ref } }] : [])] }
    const { docs } = await payload.find({ collection: FILTER_COLLECTIONS[name], where, depth: 0, limit: 1, overrideAccess: false, req, select: {} })
    if (!docs[0]) return { unknown: name }
    filters[name] = docs[0].id as DocumentId
  }
  return { filters }
}

const problem = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

export type SearchOutcome = { ok: true; results: SearchResults } | { ok: false; status: 400 | 401; message: string }

/** One search as the REST endpoint and the GraphQL query both run it: parse, check, resolve filters, search. */
export async function executeSearch(req: PayloadRequest, searchParams: URLSearchParams): Promise<SearchOutcome> {
  const parsed = parseSearchParams(searchParams)
  if (!parsed.ok) return { ok: false, status: 400, message: parsed.message }
  const { params } = parsed
  if (params.drafts && !isStaffUser(req.user)) return { ok: false, status: 401, message: '检索草稿需要登录采编账号' }
  const resolved = await resolveSearchFilters(req.payload, params, req)
  if ('unknown' in resolved) return { ok: false, status: 400, message: `参数 ${resolved.unknown}：找不到该${FILTER_LABELS[resolved.unknown]}` }
  const results = await searchArticles(req.payload, params.q, { page: params.page, limit: params.limit, filters: resolved.filters, drafts: params.drafts ? { user: req.user } : undefined })
  return { ok: true, results }
}

/**
 * GET /api/search?q=…&page=…&limit=… — published articles for everyone; with `drafts=true`,
 * signed-in staff search the latest versions they may read.
 */
export const searchEndpoint: Endpoint = {
  path: '/search',
  method: 'get',
  handler: async (req: PayloadRequest) => {
    const outcome = await executeSearch(req, new URL(req.url ?? '', 'http://localhost').searchParams)
    if (!outcome.ok) return problem(outcome.status, outcome.message)
    const { docs, totalDocs, page, totalPages, limit } = outcome.results
    // Never kept by a shared cache: a retraction must leave the results at once.
    return Response.json({ docs, totalDocs, page, totalPages, limit }, { headers: { 'Cache-Control': 'no-store' } })
  },
}

/** POST /api/search/rebuild — an administrator rebuilds the index from every article. */
export const rebuildSearchEndpoint: Endpoint = {
  path: '/search/rebuild',
  method: 'post',
  handler: async (req: PayloadRequest) => {
    if (!isAdminUser(req.user)) return problem(403, '只有管理员可以重建检索索引')
    return Response.json(await rebuildSearchIndex(req.payload))
  },
}
