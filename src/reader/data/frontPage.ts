import { unstable_cache } from 'next/cache'

import type { Article, Column, Region, Tag } from '@payload-types'
import { isStaffUser } from '@/access/roles'
import { relationId } from '@/data/relationId'
import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from '@/publishing/cacheTags'
import { cachedRead } from './articles'
import { type ChannelLink, getAllChannels, getChannelNewest, getNavigationChannels } from './channels'
import * as frontQueries from './frontPageQueries'
import { readerPayload } from './payloadClient'
import * as queries from './queries'

/** One block of the front page, in the order editors set. */
export type FrontSection =
  | { kind: 'channel'; key: string; channel: ChannelLink; articles: Article[] }
  | { kind: 'column'; key: string; column: Column; articles: Article[] }
  | { kind: 'mostRead'; key: string }
  | { kind: 'topics'; key: string; title: string; topics: { title: string; slug: string }[] }
  | { kind: 'regions'; key: string; regions: Region[] }

export type FrontPageContent = { lead: Article | null; focus: Article[]; latest: Article[]; hasMore: boolean; sections: FrontSection[] }

const getPublishedLayout = unstable_cache(async () => frontQueries.findFrontPageLayout(await readerPayload()), ['front-page-layout'], {
  tags: [CACHE_TAGS.home],
  revalidate: REVALIDATE_SECONDS,
})

/** The lead, the photo row and the latest list (pinned first), for the picks a layout names. */
function getFrontLists(layout: frontQueries.FrontPageLayout) {
  const picks = { lead: relationId(layout.lead), focus: (layout.focus ?? []).map(relationId), pinned: (layout.pinned ?? []).map(relationId) }
  return cachedRead(['front-lists', JSON.stringify(picks)], [CACHE_TAGS.home, ...ARTICLE_LIST_TAGS], async () => {
    const payload = await readerPayload()
    const [lead, focus, pinned, newest] = await Promise.all([
      frontQueries.findFrontLead(payload, layout),
      frontQueries.findFocusArticles(payload, layout),
      frontQueries.findPinnedArticles(payload, layout),
      queries.findNewest(payload, { kind: 'latest' }, queries.LIST_PAGE_SIZE + 2, 'teaser'),
    ])
    const shown = new Set([lead?.id, ...pinned.map((article) => article.id)].map(String))
    const rest = newest.filter((article) => !shown.has(String(article.id)))
    const latest = [...pinned, ...rest].slice(0, queries.LIST_PAGE_SIZE)
    return { lead, focus, latest, hasMore: pinned.length + rest.length > queries.LIST_PAGE_SIZE }
  })
}

const getActiveColumns = unstable_cache(async () => queries.findActiveColumns(await readerPayload()), ['active-columns'], {
  tags: [CACHE_TAGS.columns, CACHE_TAGS.photos],
  revalidate: REVALIDATE_SECONDS,
})

/**
 * A column's block on the home page, kept apart by the column's tag: a publication re-reads the
 * block of its own column only. Read as one, the home page's thirty blocks were most of the
 * 330 ms the origin spent on it after every publication at 10,000 articles.
 */
const getColumnBlock = (column: Pick<Column, 'id' | 'slug'>, count: number) =>
  cachedRead(['column-block', String(column.id), String(count)], [column.slug ? CACHE_TAGS.column(column.slug) : CACHE_TAGS.home, ...ARTICLE_LIST_TAGS], async () =>
    queries.findNewest(await readerPayload(), { kind: 'column', id: column.id }, count, 'teaser'),
  )

const getRegionTree = unstable_cache(async () => queries.findRegionTree(await readerPayload()), ['region-tree'], { tags: [CACHE_TAGS.regions], revalidate: REVALIDATE_SECONDS })

const getTopicTags = (ids: string[]) =>
  cachedRead(['topic-tags', ...ids], [CACHE_TAGS.tags], async () => {
    const payload = await readerPayload()
    const { docs } = await payload.find({ collection: 'tags', overrideAccess: false, depth: 0, limit: ids.length, pagination: false, where: { id: { in: ids } }, select: { name: true, slug: true } })
    return docs as Pick<Tag, 'id' | 'name' | 'slug'>[]
  })

const CHANNEL_BLOCK_SIZE = 6
const COLUMN_BLOCK_SIZE = 3

type LayoutSection = NonNullable<frontQueries.FrontPageLayout['sections']>[number]

/** Without a layout's blocks, the front page shows every channel in the navigation, then every active column, then 热点排行 and the places. */
async function defaultSections(): Promise<LayoutSection[]> {
  const [channels, columns] = await Promise.all([getNavigationChannels(), getActiveColumns()])
  return [
    ...channels.map((channel): LayoutSection => ({ blockType: 'channelBlock', channel: channel.id, count: CHANNEL_BLOCK_SIZE })),
    ...columns.map((column): LayoutSection => ({ blockType: 'columnBlock', column: column.id, count: COLUMN_BLOCK_SIZE })),
    { blockType: 'mostReadBlock' },
    { blockType: 'regionsBlock' },
  ]
}

/** A block as readers see it; null when what it names is gone or has nothing to show yet. */
async function resolveSection(section: LayoutSection, index: number, channels: ChannelLink[], columns: Column[]): Promise<FrontSection | null> {
  const key = `${section.blockType.replace(/Block$/, '')}-${index}`
  switch (section.blockType) {
    case 'channelBlock': {
      const channel = channels.find((candidate) => String(candidate.id) === String(relationId(section.channel)))
      if (!channel?.slug) return null
      const articles = await getChannelNewest(channel.slug, section.count ?? CHANNEL_BLOCK_SIZE)
      return articles.length > 0 ? { kind: 'channel', key, channel, articles } : null
    }
    case 'columnBlock': {
      const column = columns.find((candidate) => String(candidate.id) === String(relationId(section.column)))
      if (!column) return null
      const articles = await getColumnBlock(column, section.count ?? COLUMN_BLOCK_SIZE)
      return articles.length > 0 ? { kind: 'column', key, column, articles } : null
    }
    case 'mostReadBlock':
      return { kind: 'mostRead', key }
    case 'topicsBlock': {
      const ids = (section.topics ?? []).map((topic) => String(relationId(topic.tag)))
      const tags = await getTopicTags(ids)
      const topics = (section.topics ?? []).flatMap((topic) => {
        const tag = tags.find((candidate) => String(candidate.id) === String(relationId(topic.tag)))
        return tag?.slug ? [{ title: topic.title?.trim() || tag.name, slug: tag.slug }] : []
      })
      return topics.length > 0 ? { kind: 'topics', key, title: section.title, topics } : null
    }
    case 'regionsBlock': {
      const regions = await getRegionTree()
      return regions.length > 0 ? { kind: 'regions', key, regions } : null
    }
  }
}

async function frontPageFor(layout: frontQueries.FrontPageLayout): Promise<FrontPageContent> {
  const [lists, channels, columns, sections] = await Promise.all([
    getFrontLists(layout),
    getAllChannels(),
    getActiveColumns(),
    layout.sections && layout.sections.length > 0 ? layout.sections : defaultSections(),
  ])
  const resolved = await Promise.all(sections.map((section, index) => resolveSection(section, index, channels, columns)))
  return { ...lists, sections: resolved.filter((section): section is FrontSection => section !== null) }
}

/** The front page as published. */
export async function getFrontPage(): Promise<FrontPageContent> {
  return frontPageFor(await getPublishedLayout())
}

/**
 * The front page with the layout an editor is arranging (the saved draft), for the signed-in
 * staff member who asks; null for anyone else. Only the layout is read per request: the
 * articles it picks are the public ones, through the same cached reads.
 */
export async function getFrontPagePreview(headers: Headers): Promise<FrontPageContent | null> {
  const payload = await readerPayload()
  const { user } = await payload.auth({ headers })
  if (!isStaffUser(user) || !user) return null
  return frontPageFor(await frontQueries.findFrontPageLayout(payload, { user }))
}
