import { ARTICLE_LIST_TAGS, CACHE_TAGS } from '@/publishing/cacheTags'
import { cachedRead } from './articles'
import * as channelQueries from './channelQueries'
import { readerPayload } from './payloadClient'

export type { ChannelLink } from './channelQueries'

/** The site's navigation: on every HTML page, so a change to any channel refreshes them all. */
export function getNavigationChannels() {
  return cachedRead(['navigation-channels'], [CACHE_TAGS.channels], async () => channelQueries.findNavigationChannels(await readerPayload()))
}

/** Every channel, for the front page's channel blocks, which may name one kept out of the navigation. */
export function getAllChannels() {
  return cachedRead(['all-channels'], [CACHE_TAGS.channels], async () => channelQueries.findAllChannels(await readerPayload()))
}

export function getChannelBySlug(slug: string) {
  return cachedRead(['channel', slug], [CACHE_TAGS.channels], async () => channelQueries.findChannelBySlug(await readerPayload(), slug))
}

/**
 * A channel's list, refreshed by a public change to an article it takes in (the article's
 * placement names the channel: src/publishing/articlePlacement.ts) or to the channels.
 */
const channelListTags = (slug: string) => [CACHE_TAGS.channel(slug), CACHE_TAGS.channels, ...ARTICLE_LIST_TAGS]

export function getChannelArticles(slug: string, page: number) {
  return cachedRead(['channel-articles', slug, String(page)], channelListTags(slug), async () => channelQueries.findChannelArticles(await readerPayload(), slug, page))
}

export function getChannelNewest(slug: string, count: number) {
  return cachedRead(['channel-newest', slug, String(count)], channelListTags(slug), async () => channelQueries.findChannelNewest(await readerPayload(), slug, count))
}
