import type { Article } from '@payload-types'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { findMostRead } from '@/readerViews/ranking'
import type { MostReadWindow } from '@/readerViews/window'
import { matchesNothing } from '@/publishing/channelRules'
import { cachedRead } from './articles'
import { findChannelMatch } from './channelQueries'
import { prerenderingAtBuild, readerPayload } from './payloadClient'
import { findArticleLinks } from './queries'

export type { MostReadWindow } from '@/readerViews/window'
export type MostReadLists = Record<MostReadWindow, Article[]>

/**
 * The 热点排行: the most read articles of the last 24 hours or 7 days. Which articles, in which
 * order, is cached under its own tag, which the scheduler's loop expires when the order changed
 * (at most every few minutes, never per view): not under the front page's, which every
 * publication expires, since ranking reads a week of counts. What each link shows is tagged by
 * its article, so a ranked article's new headline or retraction shows at once (a retracted one
 * leaves its place empty until the next refresh).
 */
export async function getMostRead(window: MostReadWindow, limit = 10, channel?: string): Promise<Article[]> {
  if (prerenderingAtBuild()) return []
  // A channel's own ranking also follows what the channel takes in (its tag: a publication in it).
  const tags = channel ? [CACHE_TAGS.mostRead, CACHE_TAGS.channel(channel), CACHE_TAGS.channels] : [CACHE_TAGS.mostRead]
  const slugs = await cachedRead(['most-read', window, String(limit), channel ?? ''], tags, async () => {
    const payload = await readerPayload()
    const within = channel ? await findChannelMatch(payload, channel) : undefined
    if (within === null || (within && matchesNothing(within))) return []
    return (await findMostRead(payload, window, limit, new Date(), within)).flatMap((article) => (article.slug ? [article.slug] : []))
  })
  return cachedRead(['article-links', ...slugs], [...slugs.map(CACHE_TAGS.article), CACHE_TAGS.columns], async () => findArticleLinks(await readerPayload(), slugs))
}

/** Both windows of the 热点排行, as the front page shows them (a channel's page, its own). */
export async function getMostReadLists(limit = 10, channel?: string): Promise<MostReadLists> {
  const [day, week] = await Promise.all([getMostRead('24h', limit, channel), getMostRead('7d', limit, channel)])
  return { '24h': day, '7d': week }
}
