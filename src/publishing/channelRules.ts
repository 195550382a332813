import type { Payload, Where } from 'payload'

import type { Channel, Region } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import { regionWithDescendants } from '@/newsroom/regions'

/** What decides a channel's articles, by id: any one of its desks, columns, tags or regions. */
export type ChannelRules = {
  id: DocumentId
  slug: string
  name: string
  position: number
  desks: DocumentId[]
  columns: DocumentId[]
  tags: DocumentId[]
  regions: DocumentId[]
}

/** Where an article is filed, by id; its regions with every region above them. */
export type ChannelFiling = { desk: DocumentId | null; column: DocumentId | null; tags: DocumentId[]; regionsWithAncestors: DocumentId[] }

const ids = (values: readonly unknown[] | null | undefined): DocumentId[] => (values ?? []).map(relationId).filter((id): id is DocumentId => id != null)
const includes = (list: readonly DocumentId[], id: DocumentId | null) => id != null && list.some((candidate) => String(candidate) === String(id))

export function toChannelRules(channel: Pick<Channel, 'id' | 'slug' | 'name' | 'position' | 'desks' | 'columns' | 'tags' | 'regions'>): ChannelRules {
  return {
    id: channel.id,
    slug: channel.slug ?? '',
    name: channel.name,
    position: channel.position ?? 0,
    desks: ids(channel.desks),
    columns: ids(channel.columns),
    tags: ids(channel.tags),
    regions: ids(channel.regions),
  }
}

/** Whether a channel takes the article in: a region of the channel's takes in every place beneath it. */
export function channelTakes(rules: ChannelRules, filing: ChannelFiling): boolean {
  return (
    includes(rules.desks, filing.desk) ||
    includes(rules.columns, filing.column) ||
    filing.tags.some((tag) => includes(rules.tags, tag)) ||
    filing.regionsWithAncestors.some((region) => includes(rules.regions, region))
  )
}

/**
 * Every channel's rules, desks included, in navigation order. Desks are staff-only fields, so this
 * read is the server's own (overrideAccess): it decides which pages a change expires and which
 * channel an article's 上一篇/下一篇 run through, and shows readers nothing itself.
 */
export async function findChannelRules(payload: Payload): Promise<ChannelRules[]> {
  const { docs } = await payload.find({
    collection: 'channels',
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    sort: ['position', 'id'],
    select: { slug: true, name: true, position: true, desks: true, columns: true, tags: true, regions: true },
  })
  return (docs as Channel[]).map(toChannelRules).filter((rules) => rules.slug)
}

/**
 * What a channel takes in, resolved to ids a query can use: its columns, its tags, its regions
 * with every place beneath them, and the published articles of its desks.
 */
export type ChannelMatch = { columns: DocumentId[]; tags: DocumentId[]; regions: DocumentId[]; articles: DocumentId[] }

/** Any one of a channel's sources. A channel left with none matches nothing, and is never queried (matchesNothing). */
export function channelConditions({ columns, tags, regions, articles }: ChannelMatch): Where[] {
  const conditions: Where[] = []
  if (columns.length > 0) conditions.push({ column: { in: columns } })
  if (tags.length > 0) conditions.push({ tags: { in: tags } })
  if (regions.length > 0) conditions.push({ regions: { in: regions } })
  if (articles.length > 0) conditions.push({ id: { in: articles } })
  return conditions
}

export const matchesNothing = (match: ChannelMatch) => Object.values(match).every((list) => list.length === 0)

/** Ids of the published articles of these desks: a filter readers may not query (desks are staff-only), applied by the server. */
async function deskArticleIds(payload: Payload, desks: readonly DocumentId[]): Promise<DocumentId[]> {
  if (desks.length === 0) return []
  // payload.db: ids only, past Payload's field hooks (thousands of rows; see ./publicRows.ts).
  const { docs } = await payload.db.find<{ id: DocumentId }>({
    collection: 'articles',
    where: { and: [{ _status: { equals: 'published' } }, { desk: { in: [...desks] } }] },
    limit: 0,
    pagination: false,
    select: { id: true },
  })
  return docs.map((doc) => doc.id)
}

const readRegionTree = async (payload: Payload) =>
  (await payload.find({ collection: 'regions', depth: 0, limit: 0, pagination: false, overrideAccess: true, select: { parent: true } })).docs as Region[]

const withDescendants = (tree: Region[], roots: readonly DocumentId[]) => [...new Map(roots.flatMap((id) => regionWithDescendants(tree, id)).map((id) => [String(id), id])).values()]

export async function resolveChannelMatch(payload: Payload, rules: ChannelRules): Promise<ChannelMatch> {
  const [tree, articles] = await Promise.all([rules.regions.length > 0 ? readRegionTree(payload) : Promise.resolve([]), deskArticleIds(payload, rules.desks)])
  return { columns: rules.columns, tags: rules.tags, regions: withDescendants(tree, rules.regions), articles }
}

/** A channel's sources as the server may query them: by desk directly, not through its articles' ids. */
function serverConditions(rules: ChannelRules, tree: Region[]): Where[] {
  return [
    ...channelConditions({ columns: rules.columns, tags: rules.tags, regions: withDescendants(tree, rules.regions), articles: [] }),
    ...(rules.desks.length > 0 ? [{ desk: { in: rules.desks } }] : []),
  ]
}

export type NeighbourSlugs = { previous: string | null; next: string | null }

/**
 * The public articles published just before and just after one in a channel, by slug. Read as the
 * server (two small reads, whatever the channel's size); a reader page then reads the two as a
 * reader would, so it shows nothing readers may not see.
 */
export async function channelNeighboursOf(payload: Payload, rules: ChannelRules, article: { slug: string; publishedAt: string }, tree?: Region[]): Promise<NeighbourSlugs> {
  const sources = serverConditions(rules, tree ?? (rules.regions.length > 0 ? await readRegionTree(payload) : []))
  if (sources.length === 0) return { previous: null, next: null }
  const beside = async (side: 'previous' | 'next') => {
    const { docs } = await payload.find({
      collection: 'articles',
      overrideAccess: true,
      depth: 0,
      limit: 1,
      pagination: false,
      where: {
        and: [
          { _status: { equals: 'published' } },
          { 'retraction.retractedAt': { exists: false } },
          { slug: { not_equals: article.slug } },
          { or: sources },
          { publishedAt: side === 'previous' ? { less_than: article.publishedAt } : { greater_than: article.publishedAt } },
        ],
      },
      sort: side === 'previous' ? ['-publishedAt', '-id'] : ['publishedAt', 'id'],
      select: { slug: true },
    })
    return docs[0]?.slug ?? null
  }
  const [previous, next] = await Promise.all([beside('previous'), beside('next')])
  return { previous, next }
}

/**
 * The articles just before and just after a publication in each channel that takes it in: their
 * pages' 下一篇/上一篇 now name it (src/reader/data/articles.ts tags them `neighbours:<slug>`).
 */
export async function channelNeighbourSlugs(payload: Payload, channels: readonly ChannelRules[], article: { slug?: string | null; publishedAt?: string | null }): Promise<string[]> {
  const { slug, publishedAt } = article
  if (!slug || !publishedAt || channels.length === 0) return []
  const tree = channels.some((rules) => rules.regions.length > 0) ? await readRegionTree(payload) : []
  const found = await Promise.all(channels.map((rules) => channelNeighboursOf(payload, rules, { slug, publishedAt }, tree)))
  return [...new Set(found.flatMap(({ previous, next }) => [previous, next]).filter((found): found is string => Boolean(found)))]
}
