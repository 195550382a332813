import type { Payload, PayloadRequest } from 'payload'

import type { DocumentId } from '@/data/relationId'
import type { Audience, IndexedArticle } from './document'
import type { SearchTerm } from './tokens'

export type StoreFilters = { columnId?: DocumentId; regionId?: DocumentId; bylineId?: DocumentId; from?: Date; to?: Date }

export type StoreQuery = { terms: SearchTerm[]; audience: Audience; filters: StoreFilters; offset: number; limit: number }

/**
 * Article ids above `after` up to and including `through`; null leaves that end open. A
 * rebuild walks the articles in id order, so consecutive batches cover every id exactly once.
 */
export type IdRange = { after: DocumentId | null; through: DocumentId | null }

export type StoredHit = { articleId: DocumentId; slug: string; title: string; publishedAt: string | null; text: string }

/**
 * Where the search index lives. Each database engine keeps it in the structure it indexes
 * best (SQLite: an FTS5 table; MongoDB: a collection with a text index), and nothing outside
 * `adapters/` knows which. A request's transaction is joined when one is given, so an
 * article and its index entry are saved, or rolled back, together.
 */
export interface SearchStore {
  /** Replaces every indexed version of one article (none removes it), and clears its stale mark. */
  replaceArticle(articleId: DocumentId, versions: IndexedArticle[], req?: Partial<PayloadRequest>): Promise<void>
  /**
   * Marks the article's entries as behind its latest save, in the save's transaction, for a
   * re-index that runs later (../staffIndexing.ts). Marks outlive a crash: staleArticles
   * lists them at the next boot.
   */
  markStale(articleId: DocumentId, req?: Partial<PayloadRequest>): Promise<void>
  staleArticles(): Promise<DocumentId[]>
  /**
   * One rebuild batch, as one short write: the entries of every article in `range` become
   * `versions`, and those of articles no longer there go. A reader searching meanwhile sees
   * the old entries or the new ones, never neither.
   */
  replaceRange(range: IdRange, versions: IndexedArticle[]): Promise<void>
  /** Adds many articles at once to an index known to be empty of them: benchmarks. */
  insertMany(versions: IndexedArticle[]): Promise<void>
  /** Empties the index: benchmarks only (a rebuild replaces entries range by range instead). */
  clear(): Promise<void>
  search(query: StoreQuery): Promise<{ hits: StoredHit[]; total: number }>
  /** Indexed versions, and the bytes the index takes where the engine can tell. */
  stats(): Promise<{ entries: number; bytes: number | null }>
}

type EngineName = 'sqlite' | 'mongoose'

const stores = new WeakMap<Payload, Promise<SearchStore>>()

/** The store for the database this Payload instance runs on. */
export function searchStoreFor(payload: Payload): Promise<SearchStore> {
  let store = stores.get(payload)
  if (!store) {
    store = openStore(payload)
    stores.set(payload, store)
    store.catch(() => stores.delete(payload))
  }
  return store
}

async function openStore(payload: Payload): Promise<SearchStore> {
  const engine = payload.db.name as EngineName
  if (engine === 'sqlite') return (await import('./adapters/sqlite')).sqliteSearchStore(payload)
  if (engine === 'mongoose') return (await import('./adapters/mongodb')).mongoSearchStore(payload)
  throw new Error(`检索索引不支持数据库适配器 ${payload.db.name}`)
}
