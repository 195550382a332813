import { createLocalReq, type Payload, type Where } from 'payload'

import { relationId } from '@/data/relationId'
import { inTransaction } from '@/database/transaction'
import type { ViewTally } from './counter'

/**
 * At most this many article-days in one flush, so that one flush's transaction holds SQLite's
 * single write lock for a few hundred milliseconds at the very most; the rest wait for the next.
 */
export const MAX_ROWS_PER_FLUSH = 200

/**
 * Adds tallies to their article-day rows (阅读量) in one transaction: one row per article per day,
 * created at its first view and added to afterwards. The server's own write, with overrideAccess:
 * nobody may write these rows over the API. Returns the tallies it left for a later flush.
 */
export async function writeViewTallies(payload: Payload, tallies: readonly ViewTally[]): Promise<ViewTally[]> {
  const all = merged(tallies)
  const now = all.slice(0, MAX_ROWS_PER_FLUSH)
  const later = all.slice(MAX_ROWS_PER_FLUSH)
  if (now.length === 0) return later
  const req = await createLocalReq({}, payload)
  await inTransaction(req, async () => {
    const byDay = new Map<string, ViewTally[]>()
    for (const tally of now) byDay.set(tally.day, [...(byDay.get(tally.day) ?? []), tally])
    const { docs } = await payload.find({
      collection: 'article-views',
      req,
      overrideAccess: true,
      depth: 0,
      pagination: false,
      select: { article: true, day: true, views: true },
      where: { or: [...byDay].map(([day, rows]): Where => ({ and: [{ day: { equals: day } }, { article: { in: rows.map((row) => row.article) } }] })) },
    })
    const stored = new Map(docs.map((doc) => [`${relationId(doc.article)}\n${doc.day}`, doc]))
    for (const tally of now) {
      const row = stored.get(`${tally.article}\n${tally.day}`)
      if (row) await payload.update({ collection: 'article-views', id: row.id, req, overrideAccess: true, depth: 0, data: { views: (row.views ?? 0) + tally.views } })
      else await payload.create({ collection: 'article-views', req, overrideAccess: true, depth: 0, data: { article: tally.article as number, day: tally.day, views: tally.views } })
    }
  })
  return later
}

/** One tally per article-day (a giveBack after a failed flush may have split one). */
function merged(tallies: readonly ViewTally[]): ViewTally[] {
  const byKey = new Map<string, ViewTally>()
  for (const { article, day, views } of tallies) {
    const key = `${article}\n${day}`
    const tally = byKey.get(key)
    if (tally) tally.views += views
    else byKey.set(key, { article, day, views })
  }
  return [...byKey.values()]
}
