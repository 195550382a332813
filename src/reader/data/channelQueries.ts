import type { Payload, Where } from 'payload'

import type { Article, Channel, Region } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import { type ChannelMatch, type ChannelRules, channelNeighboursOf, channelTakes, findChannelRules, matchesNothing, resolveChannelMatch } from '@/publishing/channelRules'
import {
  type ArticleLink,
  type ArticlePage,
  type ArticleShape,
  findArticleLinks,
  findArticles,
  findNewest,
  findRegionTree,
  LIST_PAGE_SIZE,
} from './queries'

/**
 * The channels' reads, uncached and given a Payload instance like ./queries.ts. The navigation
 * and a channel's page are read as an anonymous reader; only which desk an article came from,
 * staff-only data, is looked up as the server (resolveChannelMatch, findArticleChannel), and
 * readers see of it nothing but the public articles the anonymous read returns.
 */

export type ChannelLink = Pick<Channel, 'id' | 'name' | 'slug' | 'description'>

/** Channels as readers may read them, in the editors' order. */
async function findChannelLinks(payload: Payload, limit: number, where?: Where): Promise<ChannelLink[]> {
  const { docs } = await payload.find({ collection: 'channels', overrideAccess: false, depth: 0, limit, pagination: false, where, sort: ['position', 'id'], select: { name: true, slug: true, description: true } })
  return docs as ChannelLink[]
}

/** The channels shown in the site's navigation. */
export const findNavigationChannels = (payload: Payload) => findChannelLinks(payload, 20, { inNavigation: { equals: true } })

/** Every channel, in the navigation or not: those a front-page layout may name. */
export const findAllChannels = (payload: Payload) => findChannelLinks(payload, 100)

export async function findChannelBySlug(payload: Payload, slug: string): Promise<ChannelLink | null> {
  const { docs } = await payload.find({ collection: 'channels', overrideAccess: false, depth: 0, limit: 1, where: { slug: { equals: slug } }, select: { name: true, slug: true, description: true } })
  return (docs[0] as ChannelLink | undefined) ?? null
}

/** What a channel takes in, as ids; null for a channel that does not exist. */
export async function findChannelMatch(payload: Payload, slug: string): Promise<ChannelMatch | null> {
  const rules = (await findChannelRules(payload)).find((candidate) => candidate.slug === slug)
  return rules ? resolveChannelMatch(payload, rules) : null
}

const EMPTY_PAGE = (page: number): ArticlePage => ({ docs: [], page, totalPages: 0, totalDocs: 0 })

/** One page of a channel's articles, newest first; null for a channel that does not exist. */
export async function findChannelArticles(payload: Payload, slug: string, page: number, limit = LIST_PAGE_SIZE, shape: ArticleShape = 'teaser'): Promise<ArticlePage | null> {
  const match = await findChannelMatch(payload, slug)
  if (!match) return null
  if (matchesNothing(match)) return EMPTY_PAGE(page)
  return findArticles(payload, { kind: 'channel', match }, page, limit, shape)
}

/** A channel's newest few, for its block on the front page. */
export async function findChannelNewest(payload: Payload, slug: string, limit: number): Promise<Article[]> {
  const match = await findChannelMatch(payload, slug)
  if (!match || matchesNothing(match)) return []
  return findNewest(payload, { kind: 'channel', match }, limit, 'teaser')
}

/** A region and every region above it. */
function withAncestors(tree: readonly Region[], ids: readonly DocumentId[]): DocumentId[] {
  const parentOf = new Map(tree.map((region) => [String(region.id), relationId(region.parent)]))
  const found = new Map<string, DocumentId>()
  for (const id of ids) {
    for (let current: DocumentId | null = id; current != null && !found.has(String(current)); current = parentOf.get(String(current)) ?? null) found.set(String(current), current)
  }
  return [...found.values()]
}

type Filed = { id: DocumentId; desk?: unknown; column?: unknown; tags?: unknown[] | null; regions?: unknown[] | null }

/**
 * The channel an article's 上一篇/下一篇 run through: the first, in the navigation's order, that
 * takes it in. Its desk is staff-only, so the article's filing is read as the server.
 */
export async function findArticleChannel(payload: Payload, articleId: DocumentId): Promise<ChannelRules | null> {
  const rules = await findChannelRules(payload)
  if (rules.length === 0) return null
  const filed = await payload.db.findOne<Filed>({ collection: 'articles', where: { id: { equals: articleId } }, select: { desk: true, column: true, tags: true, regions: true } })
  if (!filed) return null
  const regionIds = (filed.regions ?? []).map(relationId).filter((id): id is DocumentId => id != null)
  const tree = regionIds.length > 0 ? await findRegionTree(payload) : []
  const filing = {
    desk: relationId(filed.desk),
    column: relationId(filed.column),
    tags: (filed.tags ?? []).map(relationId).filter((id): id is DocumentId => id != null),
    regionsWithAncestors: withAncestors(tree, regionIds),
  }
  return rules.find((candidate) => channelTakes(candidate, filing)) ?? null
}

export type ChannelNeighbours = { channel: Pick<ChannelRules, 'name' | 'slug'>; previous: ArticleLink | null; next: ArticleLink | null }

/** 上一篇 and 下一篇 within the article's channel, by publication time; null when no channel takes it in. */
export async function findChannelNeighbours(payload: Payload, article: Pick<Article, 'id' | 'slug' | 'publishedAt'>): Promise<ChannelNeighbours | null> {
  if (!article.slug || !article.publishedAt) return null
  const rules = await findArticleChannel(payload, article.id)
  if (!rules) return null
  const slugs = await channelNeighboursOf(payload, rules, { slug: article.slug, publishedAt: article.publishedAt })
  const links = await findArticleLinks(payload, [slugs.previous, slugs.next].filter((slug): slug is string => Boolean(slug)))
  const link = (slug: string | null) => links.find((candidate) => slug && candidate.slug === slug) ?? null
  return { channel: { name: rules.name, slug: rules.slug }, previous: link(slugs.previous), next: link(slugs.next) }
}
