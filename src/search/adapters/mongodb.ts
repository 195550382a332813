import type { Payload, PayloadRequest } from 'payload'

import type { DocumentId } from '@/data/relationId'
import { FIELD_WEIGHTS, type IndexedArticle, SEARCH_FIELDS } from '../document'
import type { IdRange, SearchStore, StoreQuery } from '../store'

/**
 * The MongoDB search index: one document per indexed version in `search_index`, with a text
 * index over the token streams. The streams are already split into bigrams and words, so
 * the text index runs with language `none` (no stemming, no stop words) and each query word
 * becomes a quoted phrase; MongoDB requires every phrase to match. Weights are the same
 * field weights SQLite's bm25 uses. Filters are plain fields. An article has at most two
 * documents: `<id>:0` for the version readers see, `<id>:1` for a newer unpublished one.
 *
 * MongoDB's text search has no prefix queries: a single character or a partial Latin word
 * matches only where the index holds it as a whole token.
 */
const COLLECTION = 'search_index'
/** Articles whose entries are behind their latest save (store.markStale), by article id. */
const STALE_COLLECTION = 'search_stale'

type SearchDocument = {
  _id: string
  articleId: string
  audiences: string[]
  slug: string
  title: string
  publishedAt: Date | null
  columnId: string | null
  regionIds: string[]
  bylineIds: string[]
  text: string
} & Record<string, unknown>

type Collection = {
  createIndex: (spec: Record<string, unknown>, options: Record<string, unknown>) => Promise<unknown>
  deleteMany: (filter: Record<string, unknown>, options?: Record<string, unknown>) => Promise<unknown>
  insertMany: (docs: SearchDocument[], options?: Record<string, unknown>) => Promise<unknown>
  bulkWrite: (operations: Record<string, unknown>[], options?: Record<string, unknown>) => Promise<unknown>
  countDocuments: (filter: Record<string, unknown>) => Promise<number>
  updateOne: (filter: Record<string, unknown>, update: Record<string, unknown>, options?: Record<string, unknown>) => Promise<unknown>
  deleteOne: (filter: Record<string, unknown>, options?: Record<string, unknown>) => Promise<unknown>
  find: (filter: Record<string, unknown>, options?: Record<string, unknown>) => {
    sort: (s: Record<string, unknown>) => { skip: (n: number) => { limit: (n: number) => { toArray: () => Promise<SearchDocument[]> } } }
    toArray: () => Promise<SearchDocument[]>
  }
}
type MongoDb = { connection: { db: { collection: (name: string) => Collection; command: (c: Record<string, unknown>) => Promise<{ size?: number; totalIndexSize?: number; count?: number }> } }; sessions?: Record<string, unknown> }

const fieldKey = (field: string) => `f_${field}`

function toDocument(version: IndexedArticle): SearchDocument {
  const slot = version.audiences.includes('public') ? 0 : 1
  return {
    _id: `${version.articleId}:${slot}`,
    articleId: String(version.articleId),
    audiences: version.audiences,
    slug: version.slug,
    title: version.title,
    publishedAt: version.publishedAt ? new Date(version.publishedAt) : null,
    columnId: version.columnId == null ? null : String(version.columnId),
    regionIds: version.regionIds.map(String),
    bylineIds: version.bylineIds.map(String),
    text: version.text,
    ...Object.fromEntries(SEARCH_FIELDS.map((field) => [fieldKey(field), version.fields[field]])),
  }
}

/**
 * The entries of the articles in `range`. Ids are compared as the strings `articleId` holds:
 * Payload's ObjectIds are 24 hex digits, so string order is id order.
 */
function rangeFilter({ after, through }: IdRange): Record<string, unknown> {
  const bounds = { ...(after != null ? { $gt: String(after) } : {}), ...(through != null ? { $lte: String(through) } : {}) }
  return Object.keys(bounds).length ? { articleId: bounds } : {}
}

function filterOf({ terms, audience, filters }: Pick<StoreQuery, 'terms' | 'audience' | 'filters'>): Record<string, unknown> {
  const filter: Record<string, unknown> = {
    $text: { $search: terms.map((term) => `"${term.tokens.join(' ')}"`).join(' ') },
    audiences: audience,
  }
  if (filters.columnId != null) filter.columnId = String(filters.columnId)
  if (filters.regionId != null) filter.regionIds = String(filters.regionId)
  if (filters.bylineId != null) filter.bylineIds = String(filters.bylineId)
  if (filters.from || filters.to) filter.publishedAt = { ...(filters.from ? { $gte: filters.from } : {}), ...(filters.to ? { $lt: filters.to } : {}) }
  return filter
}

export async function mongoSearchStore(payload: Payload): Promise<SearchStore> {
  const db = payload.db as unknown as MongoDb
  const collection = db.connection.db.collection(COLLECTION)
  const stale = db.connection.db.collection(STALE_COLLECTION)
  await collection.createIndex(Object.fromEntries(SEARCH_FIELDS.map((field) => [fieldKey(field), 'text'])), {
    name: 'search_text',
    default_language: 'none',
    language_override: 'searchLanguage',
    weights: Object.fromEntries(SEARCH_FIELDS.map((field) => [fieldKey(field), FIELD_WEIGHTS[field]])),
  })
  await collection.createIndex({ articleId: 1 }, { name: 'search_article' })
  const sessionOf = async (req?: Partial<PayloadRequest>) => {
    const transactionID = req?.transactionID ? await req.transactionID : undefined
    const session = transactionID != null ? db.sessions?.[String(transactionID)] : undefined
    return session ? { session } : {}
  }

  return {
    async replaceArticle(articleId: DocumentId, versions, req) {
      const options = await sessionOf(req)
      await collection.deleteMany({ articleId: String(articleId) }, options)
      if (versions.length > 0) await collection.insertMany(versions.map(toDocument), options)
      await stale.deleteOne({ _id: String(articleId) }, options)
    },

    async markStale(articleId, req) {
      await stale.updateOne({ _id: String(articleId) }, { $set: { markedAt: new Date() } }, { upsert: true, ...(await sessionOf(req)) })
    },

    async staleArticles() {
      return (await stale.find({}).toArray()).map((doc) => doc._id)
    },

    // Without a replica set there is no transaction to lean on, so the order does the work: every
    // new entry is written over its old one first, and only then do the range's leftovers go.
    async replaceRange(range, versions) {
      const docs = versions.map(toDocument)
      const upserts = docs.map((doc) => ({ replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true } }))
      const leftovers = { deleteMany: { filter: { ...rangeFilter(range), _id: { $nin: docs.map((doc) => doc._id) } } } }
      await collection.bulkWrite([...upserts, leftovers], { ordered: true })
    },

    async insertMany(versions) {
      for (let start = 0; start < versions.length; start += 1000) await collection.insertMany(versions.slice(start, start + 1000).map(toDocument), { ordered: false })
    },

    async clear() {
      await collection.deleteMany({})
    },

    async search(query) {
      const filter = filterOf(query)
      const docs = await collection
        .find(filter, { projection: { articleId: 1, slug: 1, title: 1, publishedAt: 1, text: 1, score: { $meta: 'textScore' } } })
        .sort({ score: { $meta: 'textScore' }, publishedAt: -1 })
        .skip(query.offset)
        .limit(query.limit)
        .toArray()
      const total = await collection.countDocuments(filter)
      return {
        hits: docs.map((doc) => ({ articleId: doc.articleId, slug: doc.slug, title: doc.title, publishedAt: doc.publishedAt ? doc.publishedAt.toISOString() : null, text: doc.text })),
        total,
      }
    },

    async stats() {
      const entries = await collection.countDocuments({})
      // collStats is deprecated on newer servers; the size is a nicety, the count is what boot needs.
      const stats = await db.connection.db.command({ collStats: COLLECTION }).catch(() => null)
      return { entries, bytes: stats ? (stats.size ?? 0) + (stats.totalIndexSize ?? 0) : null }
    },
  }
}
