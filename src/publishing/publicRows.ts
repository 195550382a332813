import type { Payload } from 'payload'

import type { DocumentId } from '@/data/relationId'

/**
 * Reads of public articles' rows past Payload's field hooks, for lists of hundreds or thousands
 * of articles. Payload's afterRead walks every field of every document it returns, selected
 * or not. At 10,000 articles `payload.find` spent 1.4–2.0 s of the server's one thread on the
 * sitemap's articles, re-read at every publication; of each uncached article page, 17–40 ms
 * on its column's running order and 13–28 ms on candidates for its related reading. The
 * engines' own queries take a fraction of that.
 *
 * Nothing here is access-checked by Payload: the adapters (./adapters) apply the public read
 * rule and the lists' "not retracted" themselves, as src/access/articles.ts and src/reader/data/queries.ts
 * state them (tests/int/reader/data/queries.test.ts holds them together), so these are for public
 * lists only.
 */

/** What the sitemap needs of a public article. */
export type ArticleStamp = { id: DocumentId; slug: string | null; updatedAt: string; publishedAt: string | null }

/** What a column's running order is decided by. */
export type InstallmentRow = { id: DocumentId; slug: string | null; number: number | null; publishedAt: string | null }

/** An article that shares something with another, and what it is filed under. */
export type RelatedRow = { id: DocumentId; slug: string | null; columnId: DocumentId | null; tagIds: DocumentId[]; regionIds: DocumentId[] }
/** What related reading is looked for by: an article's id, column, tags and regions, and how many candidates to read. */
export type RelatedQuery = { id: DocumentId; columnId: DocumentId | null; tagIds: DocumentId[]; regionIds: DocumentId[]; limit: number }

export type PublicRowsAdapter = {
  articleStamps: (payload: Payload) => Promise<ArticleStamp[]>
  columnInstallments: (payload: Payload, columnId: DocumentId) => Promise<InstallmentRow[]>
  /** The newest public articles, other than the one asked about, sharing its column, a tag or a region. */
  relatedCandidates: (payload: Payload, query: RelatedQuery) => Promise<RelatedRow[]>
}

async function adapterFor(payload: Payload): Promise<PublicRowsAdapter> {
  if (payload.db.name === 'sqlite') return (await import('./adapters/sqlite')).sqlitePublicRows
  if (payload.db.name === 'mongoose') return (await import('./adapters/mongodb')).mongoPublicRows
  throw new Error(`读者站点不支持数据库适配器 ${payload.db.name}`)
}

/** Every public, unretracted article's address and dates, newest publication first. */
export async function publishedArticleStamps(payload: Payload): Promise<ArticleStamp[]> {
  const stamps = await (await adapterFor(payload)).articleStamps(payload)
  return stamps.sort((a, b) => compareDescending(a.publishedAt, b.publishedAt) || compareIds(b.id, a.id))
}

/**
 * A column's public installments in running order: by number, then (unnumbered pieces among
 * them) by publication, then by id. A missing number or date sorts first, as Payload's sort
 * puts it on both engines.
 */
export async function columnRunningOrder(payload: Payload, columnId: DocumentId): Promise<InstallmentRow[]> {
  const rows = await (await adapterFor(payload)).columnInstallments(payload, columnId)
  return rows.sort((a, b) => compareAscending(a.number, b.number) || compareAscending(a.publishedAt, b.publishedAt) || compareIds(a.id, b.id))
}

/**
 * Candidates for an article's related reading: up to `limit` of the newest public articles
 * sharing its column, one of its tags or one of its regions (ranked in src/reader/data/queries.ts).
 */
export async function relatedCandidates(payload: Payload, query: RelatedQuery): Promise<RelatedRow[]> {
  if (query.columnId == null && query.tagIds.length === 0 && query.regionIds.length === 0) return []
  return (await adapterFor(payload)).relatedCandidates(payload, query)
}

function compareAscending<T extends number | string>(a: T | null, b: T | null): number {
  if (a === b) return 0
  if (a == null) return -1
  if (b == null) return 1
  return a < b ? -1 : 1
}

const compareDescending = <T extends number | string>(a: T | null, b: T | null) => compareAscending(b, a)

// SQLite's ids are numbers; MongoDB's are ObjectId strings, whose hex order is their creation order.
const compareIds = (a: DocumentId, b: DocumentId) => (typeof a === 'number' && typeof b === 'number' ? a - b : compareAscending(String(a), String(b)))

/** The installments before and after an article in a running order (columnRunningOrder). */
export function neighboursIn<Row extends { id: DocumentId }>(runningOrder: readonly Row[], articleId: DocumentId): { previous: Row | null; next: Row | null } {
  const index = runningOrder.findIndex((row) => String(row.id) === String(articleId))
  if (index < 0) return { previous: null, next: null }
  return { previous: runningOrder[index - 1] ?? null, next: runningOrder[index + 1] ?? null }
}
