import { unstable_cache } from 'next/cache'

import type { Article } from '@payload-types'
import { relationId } from '@/data/relationId'
import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from '@/publishing/cacheTags'
import { readerPayload } from './payloadClient'
import * as channelQueries from './channelQueries'
import * as queries from './queries'
import type { DocumentId } from '@/data/relationId'

export type { ArticleFilter, ArticlePage, ArticleLink, ColumnBlock, PrintPage, SitemapSource } from './queries'
export { isCalendarDate } from '@/newsroom/dates'
export { isListPage, LIST_PAGE_SIZE } from './queries'

/**
 * A cached read tagged with what it shows. Tags are fixed when Next.js stores an entry, so
 * reads whose tags depend on their arguments get their own entry per call (the key parts name
 * the arguments); each tag is also attached to the page that makes the read.
 */
export function cachedRead<T>(keyParts: string[], tags: readonly string[], read: () => Promise<T>): Promise<T> {
  return unstable_cache(read, keyParts, { tags: [...tags], revalidate: REVALIDATE_SECONDS })()
}

/** A list of articles as a reader page asks for it: the filter, and the slug its subject's cache tag is named by. */
export type ArticleListQuery =
  | { kind: 'latest' }
  | { kind: 'day'; date: string }
  | { kind: 'byline' | 'tag' | 'column'; id: DocumentId; slug: string }
  | { kind: 'regions'; ids: DocumentId[]; slug: string }

/** The page a list belongs to, whose tag a public change to any article on it expires. */
function listTag(query: ArticleListQuery): string[] {
  switch (query.kind) {
    // The latest list is the home page's and the site feeds'.
    case 'latest':
      return [CACHE_TAGS.home, CACHE_TAGS.feeds]
    case 'day':
      return [CACHE_TAGS.day(query.date)]
    case 'byline':
      return [CACHE_TAGS.byline(query.slug)]
    case 'tag':
      return [CACHE_TAGS.tag(query.slug)]
    case 'column':
      return [CACHE_TAGS.column(query.slug)]
    case 'regions':
      return [CACHE_TAGS.region(query.slug)]
  }
}

/** One page of a list: teasers for the reader pages, whole articles for the feeds. */
export function getArticleList(query: ArticleListQuery, page: number, shape: queries.ArticleShape = 'teaser'): Promise<queries.ArticlePage> {
  return cachedRead(['article-list', shape, JSON.stringify(query), String(page)], [...listTag(query), ...ARTICLE_LIST_TAGS], async () =>
    queries.findArticles(await readerPayload(), query, page, queries.LIST_PAGE_SIZE, shape),
  )
}

export function getArticleBySlug(slug: string): Promise<Article | null> {
  return cachedRead(['article', slug], [CACHE_TAGS.article(slug), ...ARTICLE_LIST_TAGS], async () => queries.findArticleBySlug(await readerPayload(), slug))
}

/**
 * An installment's previous and next pieces, read when its page is rendered, with the page
 * tagged by those two articles (a neighbour's new headline, its retraction or its move
 * re-renders this page) and by its own `neighbours` tag, which a piece published beside it
 * expires (articleTagsToExpire). Before, the column's running order was one cached read tagged
 * by the column, which Next.js attaches to every page that reads it: each publication in a
 * column re-rendered all of that column's article pages, at 10,000 articles most of the
 * origin's renders under the soak.
 */
async function installmentNeighbours(article: Article) {
  const neighbours = await queries.findInstallmentNeighbours(await readerPayload(), article)
  if (relationId(article.column) == null || !article.slug) return neighbours
  const linked = [neighbours.previous, neighbours.next].flatMap((link) => (link?.slug ? [CACHE_TAGS.article(link.slug)] : []))
  await tagPage([CACHE_TAGS.neighbours(article.slug), ...linked])
  return neighbours
}

/** Next.js attaches every cached read's tags to the page that makes it: a read of nothing adds tags alone. */
const tagPage = (tags: string[]) => cachedRead(['page-tags', ...tags], tags, async () => true)

/**
 * Which articles to suggest is refreshed by time alone (a newly published article joins
 * others' related reading within REVALIDATE_SECONDS): tagging it by the shared column, tags
 * and regions would refresh most article pages at every publication.
 */
const relatedSlugs = (relations: queries.ArticleRelations) =>
  cachedRead(['article-related', JSON.stringify(relations)], [], async () => queries.rankRelatedArticles(await readerPayload(), relations))

/** What the related links show is tagged by each article shown: a new headline or a retraction refreshes the pages linking to it. */
const articleLinks = (slugs: string[]) =>
  cachedRead(['article-links', ...slugs], [...slugs.map(CACHE_TAGS.article), CACHE_TAGS.columns], async () => queries.findArticleLinks(await readerPayload(), slugs))

/**
 * 上一篇 and 下一篇 within the article's channel, read when its page is rendered and tagged as an
 * installment's neighbours are: by the two articles shown and by the page's own `neighbours`
 * tag, which a publication beside it in the channel expires (channelNeighbourSlugs). Tagging the
 * page by its channel instead would re-render every page of the channel at each publication.
 */
async function channelNeighbours(article: Article) {
  const found = await channelQueries.findChannelNeighbours(await readerPayload(), article)
  if (!article.slug) return found
  const linked = [found?.previous, found?.next].flatMap((link) => (link?.slug ? [CACHE_TAGS.article(link.slug)] : []))
  await tagPage([CACHE_TAGS.neighbours(article.slug), CACHE_TAGS.channels, ...linked])
  return found
}

/** What surrounds an article: the column's previous and next installments, 上一篇/下一篇 in its channel, related reading. */
export async function getArticleSurroundings(article: Article) {
  // Ids only: the cache key is built from the arguments, and the whole article would bloat it.
  const ids = (values: unknown[] | null | undefined) => (values ?? []).map(relationId).filter((id) => id != null)
  const column = relationId(article.column)
  const [neighbours, inChannel, related] = await Promise.all([
    installmentNeighbours(article),
    channelNeighbours(article),
    relatedSlugs({ id: article.id, column: column as number | null, tags: ids(article.tags) as number[], regions: ids(article.regions) as number[] }).then(articleLinks),
  ])
  return { ...neighbours, inChannel, related }
}

export function getPrintEdition(date: string): Promise<queries.PrintPage[]> {
  return cachedRead(['print-edition', date], [CACHE_TAGS.edition(date), ...ARTICLE_LIST_TAGS], async () => queries.findPrintEdition(await readerPayload(), date))
}

export function getHasPrintEdition(date: string): Promise<boolean> {
  return cachedRead(['has-print-edition', date], [CACHE_TAGS.edition(date)], async () => queries.hasPrintEdition(await readerPayload(), date))
}
