import { sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { DocumentId } from '@/data/relationId'
import type { PublicRowsAdapter } from '../publicRows'

type SqliteDb = { drizzle: { all: <Row>(query: ReturnType<typeof sql>) => Promise<Row[]> } }

const ids = (values: DocumentId[]) => sql`(${sql.join(values.map((value) => sql`${Number(value)}`), sql`, `)})`

const rows = <Row>(payload: Payload, query: ReturnType<typeof sql>) => (payload.db as unknown as SqliteDb).drizzle.all<Row>(query)

/**
 * The `articles` table holds the versions readers see (`_status` published; a newer draft
 * lives only in `_articles_v`). PUBLIC is the public read rule with the lists' "not retracted".
 */
const PUBLIC = sql`_status = 'published' AND retraction_retracted_at IS NULL`

export const sqlitePublicRows: PublicRowsAdapter = {
  async articleStamps(payload) {
    const found = await rows<{ id: number; slug: string | null; updated_at: string; published_at: string | null }>(
      payload,
      sql`SELECT id, slug, updated_at, published_at FROM articles WHERE ${PUBLIC}`,
    )
    return found.map((row) => ({ id: row.id, slug: row.slug, updatedAt: row.updated_at, publishedAt: row.published_at }))
  },

  async columnInstallments(payload, columnId: DocumentId) {
    const found = await rows<{ id: number; slug: string | null; installment_number: number | null; published_at: string | null }>(
      payload,
      sql`SELECT id, slug, installment_number, published_at FROM articles WHERE column_id = ${Number(columnId)} AND ${PUBLIC}`,
    )
    return found.map((row) => ({ id: row.id, slug: row.slug, number: row.installment_number, publishedAt: row.published_at }))
  },

  async relatedCandidates(payload, { id, columnId, tagIds, regionIds, limit }) {
    const sharing = [
      ...(columnId != null ? [sql`a.column_id = ${Number(columnId)}`] : []),
      ...(tagIds.length ? [sql`a.id IN (SELECT parent_id FROM articles_rels WHERE path = 'tags' AND tags_id IN ${ids(tagIds)})`] : []),
      ...(regionIds.length ? [sql`a.id IN (SELECT parent_id FROM articles_rels WHERE path = 'regions' AND regions_id IN ${ids(regionIds)})`] : []),
    ]
    const filedUnder = (path: 'tags' | 'regions') =>
      sql`(SELECT group_concat(${sql.identifier(`${path}_id`)}) FROM articles_rels r WHERE r.parent_id = a.id AND r.path = ${path})`
    const found = await rows<{ id: number; slug: string | null; column_id: number | null; tag_ids: string | null; region_ids: string | null }>(
      payload,
      sql`SELECT a.id, a.slug, a.column_id, ${filedUnder('tags')} AS tag_ids, ${filedUnder('regions')} AS region_ids
          FROM articles a
          WHERE ${PUBLIC} AND a.id <> ${Number(id)} AND (${sql.join(sharing, sql` OR `)})
          ORDER BY a.published_at DESC, a.id DESC LIMIT ${limit}`,
    )
    const list = (joined: string | null) => (joined ? joined.split(',').map(Number) : [])
    return found.map((row) => ({ id: row.id, slug: row.slug, columnId: row.column_id, tagIds: list(row.tag_ids), regionIds: list(row.region_ids) }))
  },
}
