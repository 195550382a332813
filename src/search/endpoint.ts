import type { Endpoint, PayloadRequest } from 'payload'

import { can, rolesWith } from '@/access/permissions'
import { isStaffUser } from '@/access/roles'
import { rebuildSearchIndex } from './indexer'
import { FILTER_LABELS, parseSearchParams, resolveSearchFilters } from './params'
import { type SearchResults, searchArticles } from './query'

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
    if (!can(req.user, 'rebuildSearchIndex')) return problem(403, `只有${rolesWith('rebuildSearchIndex')}可以重建检索索引`)
    return Response.json(await rebuildSearchIndex(req.payload))
  },
}
