import type { PaginatedDocs, Payload, Where } from 'payload'

import type { Article, Byline, Channel, Column, Region, Tag } from '@payload-types'
import { relationId } from '@/data/relationId'
import { shanghaiDayRange } from '@/newsroom/dates'

import { type ChannelMatch, channelConditions } from '@/publishing/channelRules'
import { type ArticleStamp, columnRunningOrder, neighboursIn, publishedArticleStamps, relatedCandidates } from '@/publishing/publicRows'
import type { DocumentId } from '@/data/relationId'

/**
 * The reader site's reads, uncached and given a Payload instance, so integration tests run
 * them on a temporary database. Every read is an anonymous one: access rules, not this code,
 * decide what is public; the filters here only choose among public articles.
 */
export const AS_READER = { overrideAccess: false, draft: false } as const

/** A retracted article keeps its URL (with the notice) but leaves every list. */
export const NOT_RETRACTED: Where = { 'retraction.retractedAt': { exists: false } }

export const LIST_PAGE_SIZE = 20
/** Nobody pages through thousands at once; bounds what one request can ask the database for. */
const MAX_PAGE = 1000

export type { ChannelMatch }

export type ArticleFilter =
  | { kind: 'latest' }
  | { kind: 'byline'; id: DocumentId }
  | { kind: 'tag'; id: DocumentId }
  | { kind: 'regions'; ids: DocumentId[] }
  | { kind: 'day'; date: string }
  | { kind: 'column'; id: DocumentId }
  | { kind: 'channel'; match: ChannelMatch }

export type ArticlePage = { docs: Article[]; page: number; totalPages: number; totalDocs: number }

const toArticlePage = (result: PaginatedDocs<Article>, page: number): ArticlePage => ({
  docs: result.docs,
  page: result.page ?? page,
  totalPages: result.totalPages,
  totalDocs: result.totalDocs,
})

/** The order a column's installments ran in: by number, unnumbered pieces by date. */
const RUNNING_ORDER = ['installment.number', 'publishedAt', 'id']
const inColumn = (columnId: DocumentId): Where => ({ and: [NOT_RETRACTED, { column: { equals: columnId } }] })

/** Articles placed in the print edition of one Beijing calendar day. */
function onEditionDate(date: string): Where {
  const { start, end } = shanghaiDayRange(date)
  return { and: [NOT_RETRACTED, { 'print.editionDate': { greater_than_equal: start } }, { 'print.editionDate': { less_than: end } }] }
}

function whereFor(filter: ArticleFilter): Where {
  switch (filter.kind) {
    case 'latest':
      return NOT_RETRACTED
    case 'byline':
      return { and: [NOT_RETRACTED, { 'bylines.byline': { equals: filter.id } }] }
    case 'tag':
      return { and: [NOT_RETRACTED, { tags: { in: [filter.id] } }] }
    case 'regions':
      return { and: [NOT_RETRACTED, { regions: { in: filter.ids } }] }
    case 'column':
      return inColumn(filter.id)
    case 'channel':
      return { and: [NOT_RETRACTED, { or: channelConditions(filter.match) }] }
    case 'day': {
      const { start, end } = shanghaiDayRange(filter.date)
      return { and: [NOT_RETRACTED, { publishedAt: { greater_than_equal: start } }, { publishedAt: { less_than: end } }] }
    }
  }
}

export function isListPage(page: number): boolean {
  return Number.isInteger(page) && page >= 1 && page <= MAX_PAGE
}

/**
 * Whole articles (feeds, the lead story), or only what a teaser in a list shows
 * (components/ArticleTeaser): no body, no photos, the names of columns and bylines. Reading and
 * parsing twenty bodies was most of an uncached list page's time, and the home page's column
 * blocks read three per column.
 */
export type ArticleShape = 'whole' | 'teaser'

/** What a related-reading link shows: the headline and the column label. */
const LINK_SELECT = { title: true, webTitle: true, slug: true, column: true, installment: true, publishedAt: true } as const
const LINK_POPULATE = { columns: { name: true, slug: true, numberingStyle: true, partSeparator: true, parent: true } } as const
/** Related reading also shows each article's lead photo as a thumbnail: the smallest stored size is enough. */
const RELATED_SELECT = { ...LINK_SELECT, leadPhoto: true } as const
const RELATED_POPULATE = { ...LINK_POPULATE, photos: { alt: true, filename: true, width: true, height: true, sizes: { thumbnail: true } } } as const

export const TEASER_READ = {
  select: { title: true, webTitle: true, kicker: true, subtitle: true, slug: true, column: true, installment: true, bylines: true, publishedAt: true, summary: true, updatedAt: true },
  populate: { ...LINK_POPULATE, bylines: { name: true, slug: true, kind: true } },
} as const

const readShape = (shape: ArticleShape) => (shape === 'teaser' ? TEASER_READ : {})

/** A list of articles as readers see it, newest first: what a paged list and its newest few share. */
const listRead = (filter: ArticleFilter, shape: ArticleShape) => ({
  collection: 'articles' as const,
  ...AS_READER,
  ...readShape(shape),
  depth: 2,
  where: whereFor(filter),
  sort: ['-publishedAt', '-id'],
})

export async function findArticles(payload: Payload, filter: ArticleFilter, page = 1, limit = LIST_PAGE_SIZE, shape: ArticleShape = 'whole'): Promise<ArticlePage> {
  const result = (await payload.find({ ...listRead(filter, shape), page, limit })) as PaginatedDocs<Article>
  return toArticlePage(result, page)
}

/**
 * The newest few of a list, without the count a paged list needs: counting is a second pass
 * over every row the filter matches (at 10,000 articles most of a lead story's read).
 */
export async function findNewest(payload: Payload, filter: ArticleFilter, limit: number, shape: ArticleShape = 'whole'): Promise<Article[]> {
  const { docs } = await payload.find({ ...listRead(filter, shape), limit, pagination: false })
  return docs as Article[]
}

export async function findArticleBySlug(payload: Payload, slug: string): Promise<Article | null> {
  const { docs } = await payload.find({ collection: 'articles', ...AS_READER, depth: 2, limit: 1, where: { slug: { equals: slug } } })
  return docs[0] ?? null
}

type SluggedCollection = 'columns' | 'bylines' | 'tags' | 'regions'
type SluggedDoc = { columns: Column; bylines: Byline; tags: Tag; regions: Region }

export async function findBySlug<C extends SluggedCollection>(payload: Payload, collection: C, slug: string): Promise<SluggedDoc[C] | null> {
  const { docs } = await payload.find({ collection, overrideAccess: false, depth: 1, limit: 1, where: { slug: { equals: slug } } })
  return (docs[0] as SluggedDoc[C] | undefined) ?? null
}

/** Every region with its parent id: a few hundred rows at most, read whole to walk the tree. */
export async function findRegionTree(payload: Payload): Promise<Region[]> {
  const { docs } = await payload.find({ collection: 'regions', overrideAccess: false, depth: 0, limit: 0, pagination: false, sort: 'name' })
  return docs
}


/** A column's published installments in the order the paper ran them. */
export async function findColumnArticles(payload: Payload, columnId: DocumentId, page = 1, limit = 50): Promise<ArticlePage> {
  const result = (await payload.find({
    collection: 'articles',
    ...AS_READER,
    ...TEASER_READ,
    depth: 2,
    where: inColumn(columnId),
    sort: RUNNING_ORDER,
    page,
    limit,
  })) as PaginatedDocs<Article>
  return toArticlePage(result, page)
}

/**
 * The date of the column's next planned installment. Only the date reaches readers (working
 * titles are staff-only); a plan whose number has already run (published early) is skipped.
 */
export async function findNextPlannedDate(payload: Payload, columnId: DocumentId, now = new Date()): Promise<string | null> {
  const { docs: plans } = await payload.find({
    collection: 'installments',
    overrideAccess: false,
    depth: 0,
    limit: 10,
    where: { and: [{ column: { equals: columnId } }, { plannedFor: { greater_than: now.toISOString() } }] },
    sort: 'plannedFor',
    select: { plannedFor: true, number: true },
  })
  const numbers = plans.map((plan) => plan.number).filter((number): number is number => typeof number === 'number')
  const ran = new Set<number>()
  if (numbers.length > 0) {
    const { docs } = await payload.find({
      collection: 'articles',
      ...AS_READER,
      depth: 0,
      limit: numbers.length,
      where: { and: [{ column: { equals: columnId } }, { 'installment.number': { in: numbers } }] },
      select: { installment: true },
    })
    for (const article of docs) if (article.installment?.number) ran.add(article.installment.number)
  }
  return plans.find((plan) => typeof plan.number !== 'number' || !ran.has(plan.number))?.plannedFor ?? null
}

/** What placing an article among others needs: its id and what it is filed under (ids or documents). */
export type ArticleRelations = Pick<Article, 'id' | 'column' | 'tags' | 'regions'>

export type ArticleLink = Pick<Article, 'id' | 'slug' | 'title' | 'webTitle' | 'installment' | 'publishedAt'>


/** The installments either side of an article in its column's running order, as links. */
export async function findInstallmentNeighbours(payload: Payload, article: ArticleRelations): Promise<{ previous: ArticleLink | null; next: ArticleLink | null }> {
  const columnId = relationId(article.column)
  if (columnId == null) return { previous: null, next: null }
  const { previous, next } = neighboursIn(await columnRunningOrder(payload, columnId), article.id)
  const ids = [previous, next].flatMap((row) => (row ? [row.id] : []))
  if (ids.length === 0) return { previous: null, next: null }
  const { docs } = await payload.find({ collection: 'articles', ...AS_READER, depth: 0, pagination: false, limit: ids.length, where: { id: { in: ids } }, select: LINK_SELECT })
  const link = (row: typeof previous) => (row ? ((docs.find((doc) => String(doc.id) === String(row.id)) as ArticleLink | undefined) ?? null) : null)
  return { previous: link(previous), next: link(next) }
}

/** How many of the newest articles sharing something with an article are ranked for its related reading. */
const RELATED_CANDIDATES = 40

/**
 * Related reading, as slugs: articles sharing the column, a tag or a region, the closest first
 * (a shared column counts most, then each shared tag, then each shared region; the newest
 * first among equals).
 */
export async function rankRelatedArticles(payload: Payload, article: ArticleRelations, limit = 5): Promise<string[]> {
  const columnId = relationId(article.column)
  const tagIds = (article.tags ?? []).map(relationId).filter((id) => id != null)
  const regionIds = (article.regions ?? []).map(relationId).filter((id) => id != null)
  const candidates = await relatedCandidates(payload, { id: article.id, columnId, tagIds, regionIds, limit: RELATED_CANDIDATES })
  const tagSet = new Set(tagIds.map(String))
  const regionSet = new Set(regionIds.map(String))
  const score = (candidate: (typeof candidates)[number]) =>
    (columnId != null && String(candidate.columnId) === String(columnId) ? 3 : 0) +
    2 * candidate.tagIds.filter((tag) => tagSet.has(String(tag))).length +
    candidate.regionIds.filter((region) => regionSet.has(String(region))).length
  return candidates
    .filter((candidate) => candidate.slug)
    .map((candidate, order) => ({ candidate, order, score: score(candidate) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map(({ candidate }) => candidate.slug!)
}

/** The articles behind these slugs as links (with their lead photos), in the order given; one retracted or taken offline meanwhile is left out. */
export async function findArticleLinks(payload: Payload, slugs: readonly string[]): Promise<Article[]> {
  if (slugs.length === 0) return []
  const { docs } = (await payload.find({
    collection: 'articles',
    ...AS_READER,
    depth: 1,
    limit: slugs.length,
    pagination: false,
    where: { and: [NOT_RETRACTED, { slug: { in: slugs } }] },
    select: RELATED_SELECT,
    populate: RELATED_POPULATE,
  })) as unknown as { docs: Article[] }
  const bySlug = new Map(docs.map((doc) => [doc.slug, doc]))
  return slugs.flatMap((slug) => bySlug.get(slug) ?? [])
}

/** Links to articles by id, in the order given, leaving out any a reader cannot see or that was retracted (the 热点排行's candidates). */
export async function findArticleLinksByIds(payload: Payload, ids: readonly DocumentId[], within?: ChannelMatch): Promise<Article[]> {
  if (ids.length === 0) return []
  const { docs } = (await payload.find({
    collection: 'articles',
    ...AS_READER,
    depth: 1,
    limit: ids.length,
    pagination: false,
    where: { and: [NOT_RETRACTED, { id: { in: ids } }, ...(within ? [{ or: channelConditions(within) }] : [])] },
    select: LINK_SELECT,
    populate: LINK_POPULATE,
  })) as unknown as { docs: Article[] }
  const byId = new Map(docs.map((doc) => [String(doc.id), doc]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

/** Related reading with what its links show. */
export async function findRelatedArticles(payload: Payload, article: ArticleRelations, limit = 5): Promise<Article[]> {
  return findArticleLinks(payload, await rankRelatedArticles(payload, article, limit))
}

/** The lead story: the newest published article editors marked 头条, else the newest. */
export async function findLeadArticle(payload: Payload): Promise<Article | null> {
  const marked = await payload.find({
    collection: 'articles',
    ...AS_READER,
    depth: 2,
    limit: 1,
    pagination: false,
    where: { and: [NOT_RETRACTED, { headline: { equals: true } }] },
    sort: '-publishedAt',
  })
  if (marked.docs[0]) return marked.docs[0]
  return (await findNewest(payload, { kind: 'latest' }, 1))[0] ?? null
}

export type ColumnBlock = { column: Column; articles: Article[] }

/** The columns the home page gives a block, by name. */
export async function findActiveColumns(payload: Payload): Promise<Column[]> {
  const { docs } = await payload.find({ collection: 'columns', overrideAccess: false, depth: 1, limit: 50, where: { active: { not_equals: false } }, sort: 'name' })
  return docs
}

export type PrintPage = { pageNumber: number | null; pageName: string | null; articles: Article[] }

/** One day's paper as printed: articles with a placement on that edition date, grouped by page. */
export async function findPrintEdition(payload: Payload, date: string): Promise<PrintPage[]> {
  const { docs } = await payload.find({
    collection: 'articles',
    ...AS_READER,
    depth: 2,
    limit: 500,
    where: onEditionDate(date),
    sort: ['print.pageNumber', '-publishedAt'],
  })
  const pages = new Map<string, PrintPage>()
  for (const article of docs) {
    const pageNumber = article.print?.pageNumber ?? null
    const pageName = article.print?.pageName?.trim() || null
    const key = `${pageNumber ?? ''}|${pageName ?? ''}`
    if (!pages.has(key)) pages.set(key, { pageNumber, pageName, articles: [] })
    pages.get(key)!.articles.push(article)
  }
  return [...pages.values()].sort((a, b) => (a.pageNumber ?? Infinity) - (b.pageNumber ?? Infinity))
}

/** Whether a day's archive can point readers to that day's print edition. */
export async function hasPrintEdition(payload: Payload, date: string): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: false, where: onEditionDate(date) })
  return totalDocs > 0
}

export type SitemapSource = {
  articles: ArticleStamp[]
  channels: Pick<Channel, 'slug' | 'updatedAt'>[]
  columns: Pick<Column, 'slug' | 'updatedAt'>[]
  bylines: Pick<Byline, 'slug' | 'updatedAt'>[]
  tags: Pick<Tag, 'slug' | 'updatedAt'>[]
  regions: Pick<Region, 'slug' | 'updatedAt'>[]
}

/** Everything a search engine should know exists, in as few columns as the sitemap needs. */
export async function findSitemapSource(payload: Payload): Promise<SitemapSource> {
  const everything = { overrideAccess: false, depth: 0, limit: 0, pagination: false } as const
  const [articles, channels, columns, bylines, tags, regions] = await Promise.all([
    publishedArticleStamps(payload),
    payload.find({ collection: 'channels', ...everything, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: 'columns', ...everything, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: 'bylines', ...everything, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: 'tags', ...everything, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: 'regions', ...everything, select: { slug: true, updatedAt: true } }),
  ])
  return { articles, channels: channels.docs, columns: columns.docs, bylines: bylines.docs, tags: tags.docs, regions: regions.docs }
}
