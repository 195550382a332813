import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

import type { DocumentId } from '@/data/relationId'
import { FIELD_WEIGHTS, type IndexedArticle, SEARCH_FIELDS } from '../document'
import type { IdRange, SearchStore, StoredHit, StoreFilters, StoreQuery } from '../store'
import type { SearchTerm } from '../tokens'

/**
 * The SQLite search index: FTS5 tables over the token streams of src/search/document.ts.
 * FTS5 keeps an inverted index, so a query reads the postings of its own tokens and never
 * scans articles; bm25 with per-column weights ranks a headline match above a body match and
 * a rare term above a common one. Filters (column, places, bylines) are tokens of a `facets`
 * column, matched in the same query. The rowid is the article's id.
 *
 * Two tables keep readers and staff apart without a filter on every query: `search_public`
 * holds the version readers may see; `search_staff` only a newer version staff alone may see
 * (a draft, an edit waiting to be published). Staff search both, the newer version winning.
 *
 * Scoring a match costs a few microseconds, so a word in most of 100,000 articles would take
 * a second to rank in full. Broad queries therefore rank the RANK_WINDOW newest matches and
 * list the older ones after them, newest first: readers of a newspaper want the recent story.
 */
export const SEARCH_TABLES = { public: 'search_public', staff: 'search_staff' } as const
export const RANK_WINDOW = 1_000

const TEXT_COLUMNS = SEARCH_FIELDS.map((field) => (field === 'column' ? 'column_name' : field))
const STORED_COLUMNS = ['article_id', 'slug', 'headline', 'published_at', 'snippet_text'] as const
const INSERTED_COLUMNS = ['rowid', ...TEXT_COLUMNS, 'facets', ...STORED_COLUMNS]
const BM25_WEIGHTS = [...SEARCH_FIELDS.map((field) => FIELD_WEIGHTS[field]), 0, ...STORED_COLUMNS.map(() => 0)].join(', ')

const createTable = (table: string) =>
  `CREATE VIRTUAL TABLE IF NOT EXISTS ${table} USING fts5(${[...TEXT_COLUMNS, 'facets', ...STORED_COLUMNS.map((column) => `${column} UNINDEXED`)].join(', ')}, tokenize = 'unicode61 remove_diacritics 0')`

/** Run by the migration that introduced search. */
export const CREATE_SEARCH_TABLES = Object.values(SEARCH_TABLES).map(createTable)
export const DROP_SEARCH_TABLES = Object.values(SEARCH_TABLES).map((table) => `DROP TABLE IF EXISTS ${table}`)
/** Articles whose entries are behind their latest save (store.markStale); run by a later migration. */
export const STALE_TABLE = 'search_stale'
export const CREATE_STALE_TABLE = `CREATE TABLE IF NOT EXISTS ${STALE_TABLE} (article_id INTEGER PRIMARY KEY NOT NULL)`
export const DROP_STALE_TABLE = `DROP TABLE IF EXISTS ${STALE_TABLE}`
/**
 * FTS5 merges index segments at the end of each writing transaction, on the event loop's
 * thread (up to a second at 10,000 articles); with `automerge` 0 the database's maintenance
 * thread merges them instead (src/database/maintenanceThread.ts). The setting is stored in the
 * database; the migration's `down` puts back FTS5's default, 4.
 */
export const automergeStatements = (automerge: 0 | 4) => Object.values(SEARCH_TABLES).map((table) => `INSERT INTO ${table}(${table}, rank) VALUES ('automerge', ${automerge})`)

type SQL = ReturnType<typeof sql>
type Drizzle = { run: (query: SQL) => Promise<unknown>; all: <T>(query: SQL) => Promise<T[]> }
type SqliteDb = {
  drizzle: Drizzle
  sessions?: Record<string, { db: Drizzle } | undefined>
  client: { batch: (statements: { sql: string; args: (string | number | null)[] }[], mode: 'write') => Promise<unknown> }
}

const facet = (kind: string, id: DocumentId) => `${kind}${String(id).replace(/[^0-9a-z]/gi, '')}`

function rowidOf(articleId: DocumentId): number {
  const id = Number(articleId)
  if (!Number.isSafeInteger(id)) throw new Error(`SQLite 检索索引需要整数编号，收到 ${String(articleId)}`)
  return id
}

function rowValues(version: IndexedArticle): (string | number | null)[] {
  const facets = [
    ...(version.columnId != null ? [facet('c', version.columnId)] : []),
    ...version.regionIds.map((id) => facet('r', id)),
    ...version.bylineIds.map((id) => facet('b', id)),
  ]
  return [
    rowidOf(version.articleId),
    ...SEARCH_FIELDS.map((field) => version.fields[field]),
    facets.join(' '),
    String(version.articleId),
    version.slug,
    version.title,
    version.publishedAt,
    version.text,
  ]
}

/** Readers' version to the public table; a version only staff may see to the staff table. */
const tableFor = (version: IndexedArticle) => (version.audiences.includes('public') ? SEARCH_TABLES.public : SEARCH_TABLES.staff)
const insertSql = (table: string) => `INSERT INTO ${table} (${INSERTED_COLUMNS.join(', ')}) VALUES (${INSERTED_COLUMNS.map(() => '?').join(', ')})`

/** Deletes one table's entries of the articles in `range`, as a statement for a write batch. */
function deleteRangeStatement(table: string, { after, through }: IdRange): { sql: string; args: number[] } {
  const bounds = [...(after != null ? [['rowid > ?', rowidOf(after)] as const] : []), ...(through != null ? [['rowid <= ?', rowidOf(through)] as const] : [])]
  const where = bounds.length ? ` WHERE ${bounds.map(([condition]) => condition).join(' AND ')}` : ''
  return { sql: `DELETE FROM ${table}${where}`, args: bounds.map(([, value]) => value) }
}

const phrase = (term: SearchTerm) => `"${term.tokens.join(' ')}"${term.prefix ? '*' : ''}`
const isLatin = (term: SearchTerm) => /^[\p{L}\p{N}]/u.test(term.tokens[0]) && !/\p{Script=Han}/u.test(term.tokens[0])

/**
 * The FTS5 MATCH expression: every term, and every facet. Han bigrams cannot collide with the
 * ASCII facet tokens, so only Latin terms are kept off the facets column.
 */
export function matchExpression(terms: SearchTerm[], filters: StoreFilters): string {
  const text = terms.map((term) => (isLatin(term) ? `({${TEXT_COLUMNS.join(' ')}} : ${phrase(term)})` : phrase(term)))
  const facets = [
    ...(filters.columnId != null ? [facet('c', filters.columnId)] : []),
    ...(filters.regionId != null ? [facet('r', filters.regionId)] : []),
    ...(filters.bylineId != null ? [facet('b', filters.bylineId)] : []),
  ].map((token) => `({facets} : ${token})`)
  return [...text, ...facets].join(' AND ')
}

function dateConditions(filters: StoreFilters): SQL {
  const conditions: SQL[] = []
  if (filters.from) conditions.push(sql` AND published_at >= ${filters.from.toISOString()}`)
  if (filters.to) conditions.push(sql` AND published_at < ${filters.to.toISOString()}`)
  return sql.join(conditions, sql``)
}

type Row = { rowid: number; article_id: string; slug: string; headline: string; published_at: string | null; snippet_text: string; score?: number }

const toHit = (row: Row): StoredHit => ({ articleId: Number(row.article_id), slug: row.slug, title: row.headline, publishedAt: row.published_at, text: row.snippet_text })

/** The stored columns of the given rows, in the given order. */
async function rowsByRowid(db: Drizzle, t: ReturnType<typeof sql.identifier>, ranked: { rowid: number; score?: number }[]): Promise<Row[]> {
  if (ranked.length === 0) return []
  const rows = await db.all<Row>(sql`SELECT rowid, article_id, slug, headline, published_at, snippet_text FROM ${t} WHERE rowid IN (${sql.join(
    ranked.map((row) => sql`${row.rowid}`),
    sql`, `,
  )})`)
  const byRowid = new Map(rows.map((row) => [Number(row.rowid), row]))
  return ranked.flatMap((row) => {
    const stored = byRowid.get(Number(row.rowid))
    return stored ? [{ ...stored, score: row.score }] : []
  })
}

/**
 * One table's matches, best first, from `offset`: ranked by bm25 within the window (newer
 * first among equal scores), then older matches newest first. Only the page's rows are read
 * back; sorting never touches the stored text.
 */
async function searchTable(db: Drizzle, table: string, query: Pick<StoreQuery, 'terms' | 'filters' | 'offset' | 'limit'>): Promise<{ rows: Row[]; total: number }> {
  const t = sql.identifier(table)
  const match = matchExpression(query.terms, query.filters)
  const dates = dateConditions(query.filters)
  const [{ total }] = await db.all<{ total: number }>(sql`SELECT count(*) AS total FROM ${t} WHERE ${t} MATCH ${match}${dates}`)
  const ranked = (from: SQL, limit: number, offset: number) =>
    db.all<{ rowid: number; score: number }>(sql`SELECT rowid, bm25(${t}, ${sql.raw(BM25_WEIGHTS)}) AS score FROM ${t} WHERE ${t} MATCH ${match}${dates}${from}
      ORDER BY round(score, 3), rowid DESC LIMIT ${limit} OFFSET ${offset}`)
  if (total <= RANK_WINDOW) return { rows: await rowsByRowid(db, t, await ranked(sql``, query.limit, query.offset)), total: Number(total) }
  const [{ rowid: threshold }] = await db.all<{ rowid: number }>(sql`SELECT rowid FROM ${t} WHERE ${t} MATCH ${match}${dates} ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW - 1}`)
  const head = query.offset < RANK_WINDOW ? await ranked(sql` AND rowid >= ${threshold}`, Math.min(query.limit, RANK_WINDOW - query.offset), query.offset) : []
  const tail =
    head.length < query.limit
      ? await db.all<{ rowid: number }>(
          sql`SELECT rowid FROM ${t} WHERE ${t} MATCH ${match}${dates} AND rowid < ${threshold} ORDER BY rowid DESC LIMIT ${query.limit - head.length} OFFSET ${Math.max(0, query.offset - RANK_WINDOW)}`,
        )
      : []
  return { rows: await rowsByRowid(db, t, [...head, ...tail]), total: Number(total) }
}

export function sqliteSearchStore(payload: Payload): SearchStore {
  const db = payload.db as unknown as SqliteDb
  const dbFor = async (req?: Partial<PayloadRequest>): Promise<Drizzle> => {
    const transactionID = req?.transactionID ? await req.transactionID : undefined
    return (transactionID != null && db.sessions?.[String(transactionID)]?.db) || db.drizzle
  }

  return {
    async replaceArticle(articleId, versions, req) {
      const target = await dbFor(req)
      for (const table of Object.values(SEARCH_TABLES)) await target.run(sql`DELETE FROM ${sql.identifier(table)} WHERE rowid = ${rowidOf(articleId)}`)
      for (const version of versions) {
        const values = rowValues(version).map((value) => sql`${value}`)
        await target.run(sql`INSERT INTO ${sql.identifier(tableFor(version))} (${sql.raw(INSERTED_COLUMNS.join(', '))}) VALUES (${sql.join(values, sql`, `)})`)
      }
      await target.run(sql`DELETE FROM ${sql.identifier(STALE_TABLE)} WHERE article_id = ${rowidOf(articleId)}`)
    },

    async markStale(articleId, req) {
      await (await dbFor(req)).run(sql`INSERT OR IGNORE INTO ${sql.identifier(STALE_TABLE)} (article_id) VALUES (${rowidOf(articleId)})`)
    },

    async staleArticles() {
      return (await db.drizzle.all<{ article_id: number }>(sql`SELECT article_id FROM ${sql.identifier(STALE_TABLE)} ORDER BY article_id`)).map((row) => Number(row.article_id))
    },

    // libsql runs a 'write' batch as one transaction: the range's old entries and its new ones
    // change places in a single commit.
    async replaceRange(range, versions) {
      const deletes = Object.values(SEARCH_TABLES).map((table) => deleteRangeStatement(table, range))
      const inserts = versions.map((version) => ({ sql: insertSql(tableFor(version)), args: rowValues(version) }))
      await db.client.batch([...deletes, ...inserts], 'write')
    },

    async insertMany(versions) {
      for (let start = 0; start < versions.length; start += 500) {
        await db.client.batch(versions.slice(start, start + 500).map((version) => ({ sql: insertSql(tableFor(version)), args: rowValues(version) })), 'write')
      }
    },

    async clear() {
      for (const table of Object.values(SEARCH_TABLES)) await db.drizzle.run(sql`DELETE FROM ${sql.identifier(table)}`)
    },

    async search({ terms, audience, filters, offset, limit }: StoreQuery) {
      const published = await searchTable(db.drizzle, SEARCH_TABLES.public, { terms, filters, offset: audience === 'public' ? offset : 0, limit: audience === 'public' ? limit : offset + limit })
      if (audience === 'public') return { hits: published.rows.map(toHit), total: published.total }
      // Staff: a newer version replaces the published one, so the published row of an
      // article with a staff row is dropped, and both lists merge by score.
      const newer = await searchTable(db.drizzle, SEARCH_TABLES.staff, { terms, filters, offset: 0, limit: offset + limit })
      const rowids = published.rows.map((row) => row.rowid)
      const superseded = rowids.length
        ? new Set((await db.drizzle.all<{ rowid: number }>(sql`SELECT rowid FROM search_staff WHERE rowid IN (${sql.join(rowids.map((id) => sql`${id}`), sql`, `)})`)).map((row) => row.rowid))
        : new Set<number>()
      const merged = [...newer.rows, ...published.rows.filter((row) => !superseded.has(row.rowid))].sort((a, b) => (a.score ?? 0) - (b.score ?? 0))
      return { hits: merged.slice(offset, offset + limit).map(toHit), total: newer.total + published.total - superseded.size }
    },

    async stats() {
      const count = async (table: string) => Number((await db.drizzle.all<{ n: number }>(sql`SELECT count(*) AS n FROM ${sql.identifier(table)}`))[0].n)
      const entries = (await count(SEARCH_TABLES.public)) + (await count(SEARCH_TABLES.staff))
      const pages = await db.drizzle.all<{ bytes: number | null }>(sql`SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search\\_%' ESCAPE '\\'`).catch(() => [{ bytes: null }])
      return { entries, bytes: pages[0]?.bytes == null ? null : Number(pages[0].bytes) }
    },
  }
}
