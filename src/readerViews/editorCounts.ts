import type { Payload, Where } from 'payload'

import { type DocumentId, relationId } from '@/data/relationId'
import { toShanghaiDate } from '@/newsroom/dates'

/** What editors see of an article's readership: the last seven Beijing days (today included, whole days) and every day counted. */
export type EditorViewCounts = { week: number; total: number }
type Reader = { id: DocumentId; roles?: unknown } | null

const DAY_MS = 24 * 60 * 60 * 1000

/** Today and the six Beijing days before it, as 'YYYY-MM-DD'. */
export function lastSevenDays(now: Date = new Date()): string[] {
  return Array.from({ length: 7 }, (_, back) => toShanghaiDate(new Date(now.getTime() - back * DAY_MS)))
}

/** Day rows of 阅读量 as the signed-in user may read them: access decides, so a journalist gets none. */
async function readableDayRows(payload: Payload, user: Reader, where: Where) {
  const { docs } = await payload.find({ collection: 'article-views', overrideAccess: false, user, depth: 0, pagination: false, where, select: { article: true, day: true, views: true } })
  return docs
}

/**
 * The counts of several articles in one read, as the signed-in user may see them (access decides:
 * a journalist gets none). Articles nobody has read are absent.
 */
export async function viewCountsOf(payload: Payload, user: Reader, ids: readonly DocumentId[], now: Date = new Date()): Promise<Map<string, EditorViewCounts>> {
  const counts = new Map<string, EditorViewCounts>()
  if (ids.length === 0) return counts
  const week = new Set(lastSevenDays(now))
  for (const row of await readableDayRows(payload, user, { article: { in: [...ids] } })) {
    const key = String(relationId(row.article))
    const entry = counts.get(key) ?? { week: 0, total: 0 }
    entry.total += row.views ?? 0
    if (week.has(row.day)) entry.week += row.views ?? 0
    counts.set(key, entry)
  }
  return counts
}

/** The week's most read articles with their counts (the dashboard's 阅读排行), whatever their state now: a retracted article's readership is still news to the desk. */
export async function weekTopArticles(payload: Payload, user: Reader, limit = 10, now: Date = new Date()): Promise<{ id: DocumentId; title: string; views: number }[]> {
  const totals = new Map<string, { id: DocumentId; views: number }>()
  for (const row of await readableDayRows(payload, user, { day: { in: lastSevenDays(now) } })) {
    const id = relationId(row.article)
    if (id == null) continue
    const entry = totals.get(String(id)) ?? { id, views: 0 }
    entry.views += row.views ?? 0
    totals.set(String(id), entry)
  }
  const top = [...totals.values()].sort((a, b) => b.views - a.views || String(a.id).localeCompare(String(b.id))).slice(0, limit)
  if (top.length === 0) return []
  const { docs: articles } = await payload.find({
    collection: 'articles',
    overrideAccess: false,
    user,
    draft: true,
    depth: 0,
    pagination: false,
    where: { id: { in: top.map((entry) => entry.id) } },
    select: { title: true, webTitle: true },
  })
  const titles = new Map(articles.map((article) => [String(article.id), article.webTitle || article.title]))
  return top.map((entry) => ({ ...entry, title: titles.get(String(entry.id)) ?? '（无标题）' }))
}
