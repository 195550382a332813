import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import { findArticleLinksByIds } from '@/reader/data/queries'
import { type MostReadWindow, weightedViews, windowWeights } from './window'

/** More candidates than places: a draft's or a retracted article's views are kept but it is never ranked. */
const CANDIDATES_PER_PLACE = 3

/** Every article's views in a window ending now (see windowWeights), most first; ties by id, so the order is stable. */
export async function viewsInWindow(payload: Payload, window: MostReadWindow, now: Date = new Date()): Promise<{ article: DocumentId; views: number }[]> {
  const weights = windowWeights(window, now)
  // Counts are not public data: read by the server, and only what it shows leaves (ranked links).
  const { docs } = await payload.find({
    collection: 'article-views',
    overrideAccess: true,
    depth: 0,
    pagination: false,
    where: { day: { in: [...weights.keys()] } },
    select: { article: true, day: true, views: true },
  })
  const rows = docs.flatMap((doc) => {
    const article = relationId(doc.article)
    return article == null ? [] : [{ article: String(article), day: doc.day, views: doc.views ?? 0 }]
  })
  const ids = new Map(docs.map((doc) => [String(relationId(doc.article)), relationId(doc.article) as DocumentId]))
  return [...weightedViews(rows, weights)]
    .sort(([a, viewsA], [b, viewsB]) => viewsB - viewsA || a.localeCompare(b))
    .map(([article, views]) => ({ article: ids.get(article)!, views }))
}

/** The most read articles readers can see (published, not retracted) in a window, as links, most read first. */
export async function findMostRead(payload: Payload, window: MostReadWindow, limit: number, now: Date = new Date()): Promise<Article[]> {
  const ranked = await viewsInWindow(payload, window, now)
  const candidates = ranked.slice(0, limit * CANDIDATES_PER_PLACE).map((entry) => entry.article)
  return (await findArticleLinksByIds(payload, candidates)).slice(0, limit)
}
