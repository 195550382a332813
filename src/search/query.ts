import type { Payload, PayloadRequest } from 'payload'

import { isStaffUser } from '@/access/roles'
import type { DocumentId } from '@/data/relationId'
import { shanghaiDayRange } from '@/newsroom/dates'
import type { StoredHit, StoreFilters } from './store'
import { searchStoreFor } from './store'
import { queryTerms, queryWords } from './tokens'

/** Filters as a caller gives them: ids, Beijing calendar days. */
export type SearchFilters = { column?: DocumentId; region?: DocumentId; byline?: DocumentId; from?: string; to?: string }

export type SearchHit = {
  id: DocumentId
  slug: string
  title: string
  /** Plain text around the first match; never HTML. */
  snippet: string
  /** Where the query's words stand in `snippet`: [start, end) in UTF-16 code units. */
  highlights: [number, number][]
  publishedAt: string | null
  /** Staff searches only: where the article stands in the workflow. */
  workflowState?: string | null
}

export type SearchResults = { docs: SearchHit[]; totalDocs: number; page: number; totalPages: number; limit: number }

export type SearchOptions = {
  page?: number
  limit?: number
  filters?: SearchFilters
  /** Search the latest versions, drafts included, as this user may read them (staff only). */
  drafts?: { user: PayloadRequest['user'] }
}

export const SEARCH_LIMITS = { maxQueryLength: 100, maxLimit: 50, defaultLimit: 10, maxPage: 100 } as const
/** How many best matches a staff search checks against the user's access rules. */
export const STAFF_CANDIDATES = 500
const SNIPPET_BEFORE = 30
const SNIPPET_LENGTH = 100

const isLowSurrogate = (text: string, index: number) => /[\udc00-\udfff]/.test(text[index] ?? '')

/** Where to start a window of `SNIPPET_LENGTH` so it holds as many different query words as it can; earliest among equals. */
function bestWindowStart(flat: string, words: string[]): number {
  const occurrences = words.map((word) => {
    const found: number[] = []
    for (let at = flat.indexOf(word); at >= 0 && found.length < 50; at = flat.indexOf(word, at + word.length)) found.push(at)
    return found
  })
  let best = { start: 0, covered: 0 }
  for (const at of occurrences.flat().sort((a, b) => a - b)) {
    const start = Math.max(0, at - SNIPPET_BEFORE)
    const end = start + SNIPPET_LENGTH
    const covered = occurrences.filter((found) => found.some((index) => index >= start && index + 1 <= end)).length
    if (covered > best.covered) best = { start, covered }
  }
  return best.start
}

/** The plain text around the query's words (the opening when none occurs), with every occurrence marked. */
export function snippetOf(text: string, query: string): Pick<SearchHit, 'snippet' | 'highlights'> {
  const original = text.normalize('NFKC').replace(/\s+/g, ' ').trim()
  const flat = original.toLowerCase()
  const words = queryWords(query)
  let start = bestWindowStart(flat, words)
  if (isLowSurrogate(original, start)) start += 1
  let end = Math.min(original.length, start + SNIPPET_LENGTH)
  if (isLowSurrogate(original, end)) end += 1
  const snippet = `${start > 0 ? '…' : ''}${original.slice(start, end)}${end < original.length ? '…' : ''}`
  const lower = snippet.toLowerCase()
  const highlights: [number, number][] = []
  for (const word of words) {
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) highlights.push([at, at + word.length])
  }
  highlights.sort((a, b) => a[0] - b[0])
  const merged = highlights.reduce<[number, number][]>((spans, span) => {
    const last = spans.at(-1)
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1])
    else spans.push([...span])
    return spans
  }, [])
  return { snippet, highlights: merged }
}

function storeFilters(filters: SearchFilters = {}): StoreFilters {
  return {
    columnId: filters.column,
    regionId: filters.region,
    bylineId: filters.byline,
    from: filters.from ? new Date(shanghaiDayRange(filters.from).start) : undefined,
    to: filters.to ? new Date(shanghaiDayRange(filters.to).end) : undefined,
  }
}

const toHit = (hit: StoredHit, query: string): SearchHit => ({ id: hit.articleId, slug: hit.slug, title: hit.title, ...snippetOf(hit.text, query), publishedAt: hit.publishedAt })

/**
 * Articles matching every word of the query, best first (field-weighted relevance, rarer
 * terms weighing more; the newer first among equals). Without `drafts`, only what readers
 * may see: published, not retracted, and never text from an unpublished version. With
 * `drafts`, the latest versions a staff user may read under the articles' access rules.
 */
export async function searchArticles(payload: Payload, query: string, options: SearchOptions = {}): Promise<SearchResults> {
  const page = options.page ?? 1
  const limit = options.limit ?? SEARCH_LIMITS.defaultLimit
  const terms = queryTerms(query.slice(0, SEARCH_LIMITS.maxQueryLength))
  if (terms.length === 0) return { docs: [], totalDocs: 0, page, totalPages: 0, limit }
  const store = await searchStoreFor(payload)
  const filters = storeFilters(options.filters)
  if (!options.drafts) {
    const { hits, total } = await store.search({ terms, audience: 'public', filters, offset: (page - 1) * limit, limit })
    return { docs: hits.map((hit) => toHit(hit, query)), totalDocs: total, page, totalPages: Math.ceil(total / limit), limit }
  }
  const { user } = options.drafts
  if (!isStaffUser(user)) throw new Error('检索草稿需要登录采编账号')
  const { hits } = await store.search({ terms, audience: 'staff', filters, offset: 0, limit: STAFF_CANDIDATES })
  const readable = await payload.find({
    collection: 'articles',
    where: { id: { in: hits.map((hit) => hit.articleId) } },
    draft: true,
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
    user,
    select: { workflowState: true },
  })
  const stateOf = new Map(readable.docs.map((article) => [String(article.id), article.workflowState ?? null]))
  const visible = hits.filter((hit) => stateOf.has(String(hit.articleId)))
  return {
    docs: visible.slice((page - 1) * limit, page * limit).map((hit) => ({ ...toHit(hit, query), workflowState: stateOf.get(String(hit.articleId)) })),
    totalDocs: visible.length,
    page,
    totalPages: Math.ceil(visible.length / limit),
    limit,
  }
}
