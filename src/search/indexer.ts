import type { Payload, PayloadRequest } from 'payload'

import type { Article, Region } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import { type IndexedArticle, indexedArticleOf, isPublicVersion, sameIndexedContent } from './document'
import { searchStoreFor } from './store'

type Req = Partial<PayloadRequest>

/** A region's chain of parents, from one read of the (small) regions collection. */
export async function regionAncestry(payload: Payload, req?: Req): Promise<(id: DocumentId) => DocumentId[]> {
  const { docs } = await payload.find({ collection: 'regions', depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { parent: true } })
  const parentOf = new Map(docs.map((region: Pick<Region, 'id' | 'parent'>) => [String(region.id), relationId(region.parent)]))
  return (id) => {
    const chain: DocumentId[] = []
    for (let parent = parentOf.get(String(id)); parent != null && chain.length < 10; parent = parentOf.get(String(parent))) chain.push(parent)
    return chain
  }
}

/**
 * The versions of an article the index keeps: the published one, which readers find, and the
 * latest one, which staff find. When they are the same text, one entry serves both.
 */
export function versionsToIndex(published: Article | null, latest: Article | null, ancestorsOf: (id: DocumentId) => DocumentId[]): IndexedArticle[] {
  const forReaders = published && isPublicVersion(published) ? indexedArticleOf(published, ['public'], ancestorsOf) : null
  const forStaff = latest ? indexedArticleOf(latest, ['staff'], ancestorsOf) : null
  if (forReaders && forStaff && sameIndexedContent(forReaders, forStaff)) return [{ ...forReaders, audiences: ['public', 'staff'] }]
  return [forReaders, forStaff].filter((version): version is IndexedArticle => version != null)
}

async function loadVersion(payload: Payload, id: DocumentId, draft: boolean, req?: Req): Promise<Article | null> {
  const { docs } = await payload.find({ collection: 'articles', where: { id: { equals: id } }, draft, depth: 2, limit: 1, pagination: false, overrideAccess: true, req })
  return docs[0] ?? null
}

/** Brings one article's index entries in line with what is stored now (none once it is deleted). */
export async function syncArticleInIndex(payload: Payload, id: DocumentId, req?: Req): Promise<void> {
  const [published, latest, ancestorsOf] = await Promise.all([loadVersion(payload, id, false, req), loadVersion(payload, id, true, req), regionAncestry(payload, req)])
  const store = await searchStoreFor(payload)
  await store.replaceArticle(id, versionsToIndex(published, latest, ancestorsOf), req)
}

export async function removeArticleFromIndex(payload: Payload, id: DocumentId, req?: Req): Promise<void> {
  await (await searchStoreFor(payload)).replaceArticle(id, [], req)
}

/** Re-indexes every article whose relationship `field` points at one of `ids` (a renamed byline, a moved region). */
export async function syncArticlesReferencing(payload: Payload, field: 'column' | 'bylines.byline' | 'tags' | 'regions', ids: DocumentId[], req?: Req): Promise<number> {
  if (ids.length === 0) return 0
  const { docs } = await payload.find({ collection: 'articles', where: { [field]: { in: ids } }, draft: true, depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { slug: true } })
  for (const article of docs) await syncArticleInIndex(payload, article.id, req)
  return docs.length
}

export type RebuildReport = { articles: number; entries: number; milliseconds: number }

/**
 * Small enough that one batch's reads and its write each hold the event loop and the database's
 * write lock only briefly: on SQLite, replacing 50 articles' entries (FTS5 deletes and inserts)
 * took up to 1 s at 10,000 articles, 10 take about a fifth of that.
 */
const REBUILD_BATCH = 10

/**
 * After each batch's write the rebuild waits at least as long as the write took (and longer
 * than a waiting writer's longest retry interval, src/database/sqliteBusy.ts), so editors'
 * saves in the server, or in another process beside a `npm run search:rebuild`, get the write
 * lock between batches instead of queueing behind the whole rebuild.
 */
const MIN_PAUSE_MS = 80
const pauseAfter = (writeMs: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(MIN_PAUSE_MS, writeMs)))

/**
 * Builds the index again from every article, without ever emptying it: articles are read in
 * id order, a batch at a time, and each batch replaces the entries of its id range in one
 * short write (store.replaceRange), so readers searching meanwhile find every article, in its
 * old entry or its new one. Between batches the event loop serves other requests.
 */
export async function rebuildSearchIndex(payload: Payload, options: { batchSize?: number } = {}): Promise<RebuildReport> {
  const started = performance.now()
  const store = await searchStoreFor(payload)
  const ancestorsOf = await regionAncestry(payload)
  const limit = options.batchSize ?? REBUILD_BATCH
  let articles = 0
  let entries = 0
  // Keyset paging: an article created or deleted meanwhile cannot shift the next batch's start.
  for (let after: DocumentId | null = null; ; ) {
    const latest: { docs: Article[] } = await payload.find({ collection: 'articles', where: after == null ? {} : { id: { greater_than: after } }, draft: true, depth: 2, limit, pagination: false, sort: 'id', overrideAccess: true })
    const ids: DocumentId[] = latest.docs.map((article) => article.id)
    const published = ids.length ? await payload.find({ collection: 'articles', where: { id: { in: ids } }, draft: false, depth: 2, limit: 0, pagination: false, overrideAccess: true }) : { docs: [] }
    const publishedById = new Map(published.docs.map((article) => [String(article.id), article]))
    const versions = latest.docs.flatMap((article) => versionsToIndex(publishedById.get(String(article.id)) ?? null, article, ancestorsOf))
    const last = latest.docs.length < limit
    // The last batch's range is open-ended, so entries of articles deleted since are dropped.
    const writeStarted = performance.now()
    await store.replaceRange({ after, through: last ? null : ids[ids.length - 1] }, versions)
    articles += latest.docs.length
    entries += versions.length
    if (last) break
    after = ids[ids.length - 1]
    await pauseAfter(performance.now() - writeStarted)
  }
  return { articles, entries, milliseconds: Math.round(performance.now() - started) }
}

/** A database migrated from before search existed, or restored without its index, gets one filled at boot. */
export async function fillSearchIndexIfEmpty(payload: Payload): Promise<RebuildReport | null> {
  const { entries } = await (await searchStoreFor(payload)).stats()
  if (entries > 0) return null
  const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true })
  return totalDocs > 0 ? rebuildSearchIndex(payload) : null
}
