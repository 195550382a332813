import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { DocumentId } from '../../data/relationId'
import { type Audience, FIELD_WEIGHTS, type IndexedArticle, SEARCH_FIELDS } from '../document'
import type { SearchStore, StoredHit, StoreFilters, StoreQuery } from '../store'
import type { SearchTerm } from '../tokens'

/**
 * The SQLite search index: an FTS5 table over the token streams of src/search/document.ts.
 * FTS5 keeps an inverted index, so a query reads the postings of its own tokens and never
 * scans articles; bm25 with per-column weights ranks a headline match above a body match.
 * Filters (column, places, bylines, audience) are tokens of a `facets` column, matched in
 * the same query. Each article has two rows at most, keyed by rowid: 2·id for the version
 * readers see, 2·id + 1 for a newer unpublished one that only staff may find.
 */
export const SEARCH_TABLE = 'search_index'

const TEXT_COLUMNS = SEARCH_FIELDS.map((field) => (field === 'column' ? 'column_name' : field))
const STORED_COLUMNS = ['article_id', 'slug', 'headline', 'published_at', 'snippet_text'] as const

export const CREATE_SEARCH_TABLE = `CREATE VIRTUAL TABLE IF NOT EXISTS ${SEARCH_TABLE} USING fts5(${[
  ...TEXT_COLUMNS,
  'facets',
  ...STORED_COLUMNS.map((column) => `${column} UNINDEXED`),
].join(', ')}, tokenize = 'unicode61 remove_diacritics 0')`

export const DROP_SEARCH_TABLE = `DROP TABLE IF EXISTS ${SEARCH_TABLE}`

const BM25_WEIGHTS = [...SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]), 0, ...STORED_COLUMNS.map(() => 0)].join(', ')

type SQL = ReturnType<typeof sql>
type Drizzle = { run: (query: SQL) => Promise<unknown>; all: <T>(query: SQL) => Promise<T[]> }
type SqliteDb = {
  drizzle: Drizzle
  sessions?: Record<string, { db: Drizzle } | undefined>
  client: { batch: (statements: { sql: string; args: (string | number | null)[] }[], mode: 'write') => Promise<unknown> }
}

const facet = (kind: string, id: DocumentId) => `${kind}${String(id).replace(/[^0-9a-z]/gi, '')}`
const audienceFacet = (audience: Audience) => `a${audience}`

function rowidOf(articleId: DocumentId, slot: 0 | 1): number {
  const id = Number(articleId)
  if (!Number.isSafeInteger(id)) throw new Error(`SQLite 检索索引需要整数编号，收到 ${String(articleId)}`)
  return id * 2 + slot
}

function rowValues(version: IndexedArticle): (string | number | null)[] {
  const facets = [
    ...version.audiences.map(audienceFacet),
    ...(version.columnId != null ? [facet('c', version.columnId)] : []),
    ...version.regionIds.map((id) => facet('r', id)),
    ...version.bylineIds.map((id) => facet('b', id)),
  ]
  return [
    rowidOf(version.articleId, version.audiences.includes('public') ? 0 : 1),
    ...SEARCH_FIELDS.map((field) => version.fields[field]),
    facets.join(' '),
    String(version.articleId),
    version.slug,
    version.title,
    version.publishedAt,
    version.text,
  ]
}

const INSERTED_COLUMNS = ['rowid', ...TEXT_COLUMNS, 'facets', ...STORED_COLUMNS]
const INSERT = `INSERT INTO ${SEARCH_TABLE} (${INSERTED_COLUMNS.join(', ')}) VALUES (${INSERTED_COLUMNS.map(() => '?').join(', ')})`

const phrase = (term: SearchTerm) => `"${term.tokens.join(' ')}"${term.prefix ? '*' : ''}`

/** The FTS5 MATCH expression: every term in some text column, and every facet. */
export function matchExpression(terms: SearchTerm[], audience: Audience, filters: StoreFilters): string {
  const text = `{${TEXT_COLUMNS.join(' ')}} : (${terms.map(phrase).join(' AND ')})`
  const facets = [
    audienceFacet(audience),
    ...(filters.columnId != null ? [facet('c', filters.columnId)] : []),
    ...(filters.regionId != null ? [facet('r', filters.regionId)] : []),
    ...(filters.bylineId != null ? [facet('b', filters.bylineId)] : []),
  ]
  return `${text} AND {facets} : (${facets.join(' AND ')})`
}

function dateConditions(filters: StoreFilters): SQL {
  const conditions: SQL[] = []
  if (filters.from) conditions.push(sql` AND published_at >= ${filters.from.toISOString()}`)
  if (filters.to) conditions.push(sql` AND published_at < ${filters.to.toISOString()}`)
  return sql.join(conditions, sql``)
}

type Row = { article_id: string; slug: string; headline: string; published_at: string | null; snippet_text: string }

export function sqliteSearchStore(payload: Payload): SearchStore {
  const db = payload.db as unknown as SqliteDb
  const dbFor = async (req?: Partial<PayloadRequest>): Promise<Drizzle> => {
    const transactionID = req?.transactionID ? await req.transactionID : undefined
    return (transactionID != null && db.sessions?.[String(transactionID)]?.db) || db.drizzle
  }
  const numericId = (articleId: DocumentId) => (typeof articleId === 'number' ? articleId : Number(articleId))

  return {
    async replaceArticle(articleId, versions, req) {
      const target = await dbFor(req)
      await target.run(sql`DELETE FROM search_index WHERE rowid IN (${rowidOf(articleId, 0)}, ${rowidOf(articleId, 1)})`)
      for (const version of versions) {
        const values = rowValues(version).map((value) => sql`${value}`)
        await target.run(sql`INSERT INTO search_index (${sql.raw(INSERTED_COLUMNS.join(', '))}) VALUES (${sql.join(values, sql`, `)})`)
      }
    },

    async insertMany(versions) {
      for (let start = 0; start < versions.length; start += 500) {
        await db.client.batch(versions.slice(start, start + 500).map((version) => ({ sql: INSERT, args: rowValues(version) })), 'write')
      }
    },

    async clear() {
      await db.drizzle.run(sql`DELETE FROM search_index`)
    },

    async search({ terms, audience, filters, offset, limit }) {
      const match = matchExpression(terms, audience, filters)
      const dates = dateConditions(filters)
      const rows = await db.drizzle.all<Row>(sql`
        SELECT article_id, slug, headline, published_at, snippet_text
        FROM search_index WHERE search_index MATCH ${match}${dates}
        ORDER BY round(bm25(search_index, ${sql.raw(BM25_WEIGHTS)}), 3), published_at DESC
        LIMIT ${limit} OFFSET ${offset}`)
      const [{ total }] = await db.drizzle.all<{ total: number }>(sql`SELECT count(*) AS total FROM search_index WHERE search_index MATCH ${match}${dates}`)
      const hits: StoredHit[] = rows.map((row) => ({ articleId: numericId(row.article_id), slug: row.slug, title: row.headline, publishedAt: row.published_at, text: row.snippet_text }))
      return { hits, total: Number(total) }
    },

    async stats() {
      const [{ entries }] = await db.drizzle.all<{ entries: number }>(sql`SELECT count(*) AS entries FROM search_index`)
      const pages = await db.drizzle.all<{ bytes: number }>(sql`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search_index%'`).catch(() => [{ bytes: null }])
      return { entries: Number(entries), bytes: pages[0]?.bytes == null ? null : Number(pages[0].bytes) }
    },
  }
}
