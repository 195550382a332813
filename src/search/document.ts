import type { Article, Photo, Region, Tag } from '@payload-types'
import type { DocumentId } from '@/data/relationId'
import { relationId } from '@/data/relationId'
import { lexicalToPlainText } from '@/newsroom/plainText'
import { webHeadlineOf, webTitleOf } from '@/newsroom/headlines'
import { bylinesOf, columnLabelOf, columnOf, photoCreditOf, photoOf, populatedList } from '@/newsroom/presentation'
import { pinyinKeys, tokenStream } from './tokens'

/** How much a match in each part of an article counts: the headline beats the body. */
export const FIELD_WEIGHTS = { title: 10, kicker: 6, subtitle: 6, column: 5, bylines: 5, tags: 4, regions: 4, summary: 3, captions: 2, body: 1 } as const
export type SearchField = keyof typeof FIELD_WEIGHTS
export const SEARCH_FIELDS = Object.keys(FIELD_WEIGHTS) as SearchField[]

/** Who may find an indexed version: readers (the published one) and staff (the latest one). */
export type Audience = 'public' | 'staff'

/** One version of an article as the search index keeps it. */
export type IndexedArticle = {
  articleId: DocumentId
  audiences: Audience[]
  slug: string
  title: string
  publishedAt: string | null
  columnId: DocumentId | null
  /** The article's places and every place above them, so a city finds its counties' stories. */
  regionIds: DocumentId[]
  bylineIds: DocumentId[]
  /** Each field's token stream. */
  fields: Record<SearchField, string>
  /** What snippets are cut from: kicker, headline, deck, standfirst, body, captions. */
  text: string
}

function captionsOf(article: Article): string[] {
  const bodyUploads = ((article.body?.root?.children ?? []) as { type?: string; value?: unknown }[]).filter((node) => node.type === 'upload').map((node) => node.value)
  return [article.leadPhoto, ...(article.photos ?? []), ...bodyUploads]
    .map(photoOf)
    .filter((photo): photo is Photo => photo != null)
    .map((photo) => [photo.caption ?? '', photoCreditOf(photo)].join(' '))
}

/** Whether readers may find this version: published, and not withdrawn. */
export function isPublicVersion(article: Pick<Article, '_status' | 'retraction'>): boolean {
  return article._status === 'published' && !article.retraction?.retractedAt
}

/**
 * An article (fetched at depth ≥ 2, so its relations and photos are documents) as the index
 * sees it. `ancestorsOf` gives a region's chain of parents.
 */
export function indexedArticleOf(article: Article, audiences: Audience[], ancestorsOf: (regionId: DocumentId) => DocumentId[] = () => []): IndexedArticle {
  const column = columnOf(article)
  const bylines = bylinesOf(article)
  const bylineIds = (article.bylines ?? []).map((row) => relationId(row.byline)).filter((id): id is DocumentId => id != null)
  const tags = populatedList<Tag>(article.tags)
  const regions = populatedList<Region>(article.regions)
  const body = lexicalToPlainText(article.body)
  const captions = captionsOf(article)
  const names = (values: string[]) => values.flatMap((name) => [name, ...pinyinKeys(name)]).join('\n')
  const sources: Record<SearchField, string> = {
    // Both headlines find the article: readers know the web one, staff and print readers the printed one.
    title: [article.title, webTitleOf(article)].filter(Boolean).join('\n'),
    kicker: article.kicker ?? '',
    subtitle: article.subtitle ?? '',
    column: column ? [columnLabelOf(article) ?? '', names([column.name])].join('\n') : '',
    bylines: names(bylines.map((byline) => byline.name)),
    tags: tags.map((tag) => tag.name).join('\n'),
    regions: regions.map((region) => region.name).join('\n'),
    summary: article.summary ?? '',
    captions: captions.join('\n'),
    body,
  }
  const fields = Object.fromEntries(Object.entries(sources).map(([field, text]) => [field, tokenStream(text)])) as Record<SearchField, string>
  return {
    articleId: article.id,
    audiences,
    slug: article.slug ?? '',
    title: webHeadlineOf({ title: article.title ?? '', webTitle: article.webTitle }),
    publishedAt: article.publishedAt ?? null,
    columnId: relationId(article.column),
    regionIds: [...new Set(regions.flatMap((region) => [region.id, ...ancestorsOf(region.id)]))],
    bylineIds: [...new Set(bylineIds)],
    fields,
    text: [webTitleOf(article), article.kicker, article.title, article.subtitle, article.summary, body, ...captions].filter(Boolean).join('\n'),
  }
}

/** Whether two versions would be found by the same searches and show the same results. */
export function sameIndexedContent(a: IndexedArticle, b: IndexedArticle): boolean {
  const { audiences: _a, ...restA } = a
  const { audiences: _b, ...restB } = b
  return JSON.stringify(restA) === JSON.stringify(restB)
}
