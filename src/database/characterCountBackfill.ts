import type { Payload, Where } from 'payload'

import type { Article } from '@payload-types'
import { bodyCharacterCount } from '@/newsroom/characterCount'
import type { DocumentId } from '@/data/relationId'

const PAGE = 100

type Row = { id: DocumentId }

/**
 * Walks every row `where` matches, a page at a time, in id order. A cursor on the id rather
 * than page numbers, because each page's update takes its rows out of the match.
 */
async function eachPage<T extends Row>(read: (where: Where) => Promise<T[]>, where: Where, visit: (rows: T[]) => Promise<void>): Promise<number> {
  let after: Row['id'] | null = null
  let seen = 0
  for (;;) {
    const rows = await read(after == null ? where : { and: [where, { id: { greater_than: after } }] })
    if (rows.length === 0) return seen
    await visit(rows)
    seen += rows.length
    after = rows[rows.length - 1].id
  }
}

/**
 * Articles saved before 字数 existed (and every article of a MongoDB database, which keeps no
 * schema) have no `characterCount`: the list would show them blank and sort them last. Counts
 * their bodies once at boot, as recordCharacterCount does on save: the public copy and the
 * latest version of each (the one the admin's list, editor and calendar read). Older versions
 * keep no count; they are history. With every article counted this costs two counts.
 */
export async function backfillCharacterCounts(payload: Payload): Promise<void> {
  const uncounted: Where = { characterCount: { exists: false } }
  const uncountedLatest: Where = { and: [{ 'version.characterCount': { exists: false } }, { latest: { equals: true } }] }
  const [rows, versions] = await Promise.all([
    payload.db.count({ collection: 'articles', where: uncounted }),
    payload.db.countVersions({ collection: 'articles', where: uncountedLatest }),
  ])
  if (rows.totalDocs === 0 && versions.totalDocs === 0) return

  const counted = await eachPage(
    async (where) => (await payload.db.find<Article>({ collection: 'articles', where, sort: 'id', limit: PAGE, pagination: false, select: { body: true } })).docs,
    uncounted,
    async (articles) => {
      for (const article of articles) {
        await payload.db.updateOne({ collection: 'articles', id: article.id, data: { characterCount: bodyCharacterCount(article.body) }, returning: false })
      }
    },
  )
  const countedVersions = await eachPage(
    async (where) => (await payload.db.findVersions<Article>({ collection: 'articles', where, sort: 'id', limit: PAGE, pagination: false })).docs,
    uncountedLatest,
    async (rows) => {
      for (const { id, version, ...meta } of rows) {
        // The whole version goes back, as Payload's own autosave writes it: MongoDB would
        // replace the `version` object with a partial one.
        await payload.db.updateVersion({
          collection: 'articles',
          id,
          versionData: { ...meta, version: { ...version, characterCount: bodyCharacterCount(version.body) } },
          returning: false,
        })
      }
    },
  )
  payload.logger.info(`字数已补算：${counted} 篇稿件、${countedVersions} 个最新版本（backfilled character counts）`)
}
