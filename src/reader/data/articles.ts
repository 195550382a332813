import { unstable_cache } from 'next/cache'

import type { Article } from '../../../payload-types'
import { relationId } from '../../data/relationId'
import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from './cache-tags'
import { readerPayload } from './payloadClient'
import * as queries from './queries'

const LISTS = { tags: ARTICLE_LIST_TAGS, revalidate: REVALIDATE_SECONDS }

export type { ArticleFilter, ArticlePage, ArticleLink, ColumnBlock, PrintPage, SitemapSource } from './queries'
export { isCalendarDate } from '../../newsroom/dates'
export { isListPage, LIST_PAGE_SIZE } from './queries'

export const getArticleList = unstable_cache(
  async (filter: queries.ArticleFilter, page: number) => queries.findArticles(await readerPayload(), filter, page),
  ['article-list'],
  LISTS,
)

export function getArticleBySlug(slug: string): Promise<Article | null> {
  return unstable_cache(async () => queries.findArticleBySlug(await readerPayload(), slug), ['article', slug], {
    tags: [CACHE_TAGS.article(slug), ...ARTICLE_LIST_TAGS.filter((tag) => tag !== CACHE_TAGS.articleLists)],
    revalidate: REVALIDATE_SECONDS,
  })()
}

// A column's running order is read once for all its installments, not once per article page.
const cachedRunningOrder = unstable_cache(async (columnId: number | string) => queries.findColumnRunningOrder(await readerPayload(), columnId), ['column-running-order'], LISTS)

const cachedRelated = unstable_cache(async (article: queries.ArticleRelations) => queries.findRelatedArticles(await readerPayload(), article), ['article-related'], LISTS)

/** What surrounds an article: the column's previous and next installments, related reading. */
export async function getArticleSurroundings(article: Article) {
  // Ids only: the cache key is built from the arguments, and the whole article would bloat it.
  const ids = (values: unknown[] | null | undefined) => (values ?? []).map(relationId).filter((id) => id != null)
  const column = relationId(article.column)
  const [runningOrder, related] = await Promise.all([
    column == null ? [] : cachedRunningOrder(column),
    cachedRelated({ id: article.id, column: column as number | null, tags: ids(article.tags) as number[], regions: ids(article.regions) as number[] }),
  ])
  return { ...queries.neighboursIn(runningOrder, article.id), related }
}

export const getFrontPage = unstable_cache(
  async () => {
    const payload = await readerPayload()
    const [lead, latest, columns, regions] = await Promise.all([
      queries.findLeadArticle(payload),
      queries.findArticles(payload, { kind: 'latest' }, 1, queries.LIST_PAGE_SIZE + 1),
      queries.findActiveColumnBlocks(payload),
      queries.findRegionTree(payload),
    ])
    const rest = latest.docs.filter((article) => article.id !== lead?.id).slice(0, queries.LIST_PAGE_SIZE)
    return { lead, latest: rest, hasMore: latest.totalDocs > queries.LIST_PAGE_SIZE + 1, columns, regions }
  },
  ['front-page'],
  LISTS,
)

export const getPrintEdition = unstable_cache(
  async (date: string) => queries.findPrintEdition(await readerPayload(), date),
  ['print-edition'],
  LISTS,
)

export const getHasPrintEdition = unstable_cache(
  async (date: string) => queries.hasPrintEdition(await readerPayload(), date),
  ['has-print-edition'],
  LISTS,
)

