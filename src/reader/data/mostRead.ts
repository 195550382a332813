import type { Article } from '@payload-types'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { findMostRead } from '@/readerViews/ranking'
import type { MostReadWindow } from '@/readerViews/window'
import { cachedRead } from './articles'
import { prerenderingAtBuild, readerPayload } from './payloadClient'

export type { MostReadWindow } from '@/readerViews/window'

/**
 * The 热点排行: the most read articles of the last 24 hours or 7 days. Cached under its own tag,
 * which the scheduler's loop expires when the order changed (at most every few minutes, never per
 * view), and by the front page's, which every public change to an article expires: a retraction or a
 * new headline shows at once.
 */
export async function getMostRead(window: MostReadWindow, limit = 10): Promise<Article[]> {
  if (prerenderingAtBuild()) return []
  return cachedRead(['most-read', window, String(limit)], [CACHE_TAGS.mostRead, CACHE_TAGS.home], async () => findMostRead(await readerPayload(), window, limit))
}

export type MostReadLists = Record<MostReadWindow, Article[]>

/** Both windows of the 热点排行, as the front page shows them. */
export async function getMostReadLists(limit = 10): Promise<MostReadLists> {
  const [day, week] = await Promise.all([getMostRead('24h', limit), getMostRead('7d', limit)])
  return { '24h': day, '7d': week }
}
