import { type FilterName, parseSearchParams } from './params'

/**
 * The reader search page is cached per query: proxy.ts rewrites `/search?q=…&page=…&column=…`
 * to `/search/<key>`, a page Next.js renders once and keeps until the `search` tag expires or
 * its short revalidate runs out. The key is canonical (one key per distinct page, whatever
 * order, spacing or width the address used) and bounded (only what the search would accept:
 * at most 100 characters of query, page 1–100, filters as slugs, real dates), so the cache
 * holds real searches and cannot be flooded with variants. Anything else is served per request.
 */
export type SearchPageKey = { q: string; page: number; refs: Partial<Record<FilterName, string>>; from?: string; to?: string }

const FILTERS: FilterName[] = ['column', 'region', 'byline']
/** Path segments stay well under file-name limits: Next.js stores each cached page as a file named by its path. */
const SEGMENT_LENGTH = 120

/** Full-width letters and runs of spaces read the same to the index; so they key the same page. */
const canonicalQuery = (q: string) => q.normalize('NFKC').replace(/\s+/g, ' ').trim()

/**
 * The key of a reader search address, or null when it must be answered per request: a
 * problem to explain (a bad date, a query too long), or nothing to cache it under.
 * An address without a query is the bare search form: key with an empty query.
 */
export function searchPageKeyOf(params: URLSearchParams): SearchPageKey | null {
  const withoutDrafts = new URLSearchParams(params)
  // Drafts are for staff, through the API: a reader's page ignores the flag rather than refusing.
  withoutDrafts.delete('drafts')
  withoutDrafts.delete('limit')
  const q = canonicalQuery(withoutDrafts.get('q') ?? '')
  if (!q) return [...withoutDrafts.keys()].every((name) => name === 'q' || !withoutDrafts.get(name)) ? { q: '', page: 1, refs: {} } : null
  withoutDrafts.set('q', q)
  const parsed = parseSearchParams(withoutDrafts)
  if (!parsed.ok) return null
  const { page, refs, from, to } = parsed.params
  return { q, page, refs: Object.fromEntries(FILTERS.flatMap((name) => (refs[name] ? [[name, refs[name]]] : []))), ...(from ? { from } : {}), ...(to ? { to } : {}) }
}

const serialize = (key: SearchPageKey) => JSON.stringify([key.q, key.page, ...FILTERS.map((name) => key.refs[name] ?? ''), key.from ?? '', key.to ?? ''])

/** The key as path segments of `/search/…`. */
export function searchPageSegments(key: SearchPageKey): string[] {
  const encoded = Buffer.from(serialize(key), 'utf8').toString('base64url')
  return encoded.match(new RegExp(`.{1,${SEGMENT_LENGTH}}`, 'g')) ?? []
}

/** The key back from its segments; null unless they are exactly what searchPageSegments writes for it. */
export function searchPageKeyFromSegments(segments: string[]): SearchPageKey | null {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(segments.join(''), 'base64url').toString('utf8'))
    if (!Array.isArray(decoded) || decoded.length !== 7 || !decoded.every((value, index) => typeof value === (index === 1 ? 'number' : 'string'))) return null
    const [q, page, column, region, byline, from, to] = decoded as [string, number, string, string, string, string, string]
    const candidate = { q, page, refs: { column, region, byline }, from, to }
    const key = searchPageKeyOf(searchPageParams(candidate))
    return key && searchPageSegments(key).join('/') === segments.join('/') ? key : null
  } catch {
    return null
  }
}

/** The reader-facing query of a key, for the form's values and the pagination links. */
export function searchPageParams(key: SearchPageKey): URLSearchParams {
  const entries = Object.entries({ q: key.q, ...key.refs, from: key.from, to: key.to, page: key.page > 1 ? String(key.page) : undefined })
  return new URLSearchParams(entries.filter((entry): entry is [string, string] => !!entry[1]))
}
