import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import type { ChannelMatch } from '@/publishing/channelRules'
import { findArticleLinksByIds } from '@/reader/data/queries'
import { type MostReadWindow, weightedViews, windowWeights } from './window'

/** More candidates than places: a draft's or a retracted article's views are kept but it is never ranked. */
const CANDIDATES_PER_PLACE = 3

export type DayRow = { article: DocumentId; day: string; views: number }
export type Ranked = { article: DocumentId; views: number }[]

/** The day rows of the given days: the counts, read by the server (they are not public data; only the ranked links leave). */
export async function readDayRows(payload: Payload, days: readonly string[]): Promise<DayRow[]> {
  const { docs } = await payload.find({
    collection: 'article-views',
    overrideAccess: true,
    depth: 0,
    pagination: false,
    where: { day: { in: [...days] } },
    select: { article: true, day: true, views: true },
  })
  return docs.flatMap((doc) => {
    const article = relationId(doc.article)
    return article == null ? [] : [{ article, day: doc.day, views: doc.views ?? 0 }]
  })
}

/** Articles by their views in a window ending now (see windowWeights), most first; ties by id, so the order is stable. */
export function rank(rows: readonly DayRow[], window: MostReadWindow, now: Date = new Date()): Ranked {
  const ids = new Map(rows.map((row) => [String(row.article), row.article]))
  const keyed = rows.map((row) => ({ ...row, article: String(row.article) }))
  return [...weightedViews(keyed, windowWeights(window, now))]
    .sort(([a, viewsA], [b, viewsB]) => viewsB - viewsA || a.localeCompare(b))
    .map(([article, views]) => ({ article: ids.get(article)!, views }))
}

/** Both windows from one read of the last eight days' rows (the scheduler's look at whether the order changed). */
export async function rankBothWindows(payload: Payload, now: Date = new Date()): Promise<Record<MostReadWindow, Ranked>> {
  const rows = await readDayRows(payload, [...windowWeights('7d', now).keys()])
  return { '24h': rank(rows, '24h', now), '7d': rank(rows, '7d', now) }
}

/** How far down the site's ranking a channel's own is looked for: a channel's most read are rarely further down. */
const CHANNEL_CANDIDATES = 500

/**
 * The most read articles readers can see (published, not retracted) in a window, as links, most
 * read first; `within` a channel, its own among the site's most read.
 */
export async function findMostRead(payload: Payload, window: MostReadWindow, limit: number, now: Date = new Date(), within?: ChannelMatch): Promise<Article[]> {
  const ranked = rank(await readDayRows(payload, [...windowWeights(window, now).keys()]), window, now)
  const candidates = ranked.slice(0, within ? CHANNEL_CANDIDATES : limit * CANDIDATES_PER_PLACE).map((entry) => entry.article)
  return (await findArticleLinksByIds(payload, candidates, within)).slice(0, limit)
}
