import type { Payload, PayloadRequest, Where } from 'payload'

import type { DocumentId } from '@/data/relationId'
import { isCalendarDate } from '@/newsroom/dates'
import { SEARCH_LIMITS, type SearchFilters } from './query'

const FILTER_COLLECTIONS = { column: 'columns', region: 'regions', byline: 'bylines' } as const
export const FILTER_LABELS = { column: '专栏', region: '地区', byline: '署名' } as const
export type FilterName = keyof typeof FILTER_COLLECTIONS

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
