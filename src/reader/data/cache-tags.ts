/**
 * Every cache tag the reader site uses, named once. Reader reads attach them; collection
 * hooks invalidate them (and, with a cache tier, purge the same names as surrogate keys).
 */
export const CACHE_TAGS = {
  articleLists: 'article-lists',
  article: (slug: string) => `article:${slug}`,
  /** The front page and its later pages (`/page/N`): the latest articles, the lead, column blocks. */
  home: 'home',
  /** The site-wide RSS and Atom feeds. */
  feeds: 'feeds',
  /** The sitemap index and its parts. */
  sitemap: 'sitemap',
  /** Reader search results pages. */
  search: 'search',
  /** One column's pages (its installments, its feeds), by the column's slug. */
  column: (slug: string) => `column:${slug}`,
  byline: (slug: string) => `byline:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  region: (slug: string) => `region:${slug}`,
  /** A day's archive page (`/archive/YYYY-MM-DD`), Beijing calendar day of publication. */
  day: (date: string) => `day:${date}`,
  /** A print edition's pages (`/print/YYYY-MM-DD`). */
  edition: (date: string) => `edition:${date}`,
  columns: 'columns',
  bylines: 'bylines',
  photos: 'photos',
  tags: 'tags',
  regions: 'regions',
  installments: 'installments',
} as const

/** A safety net: hooks invalidate on change, this bounds staleness if one is ever missed. */
export const REVALIDATE_SECONDS = 300

/** What any list of articles displays besides the articles: labels, names and pictures. */
export const ARTICLE_LIST_TAGS = [
  CACHE_TAGS.articleLists,
  CACHE_TAGS.columns,
  CACHE_TAGS.bylines,
  CACHE_TAGS.photos,
  CACHE_TAGS.tags,
  CACHE_TAGS.regions,
]

type ChangedDoc = { slug?: string | null } | null | undefined

/**
 * What a change to one document makes stale. Taxonomy and photos show up inside article
 * lists and pages, so they also invalidate those.
 */
export function tagsToInvalidate(collection: string, doc: ChangedDoc, previousDoc?: ChangedDoc): string[] {
  const tags = new Set<string>()
  if (collection === 'articles') {
    tags.add(CACHE_TAGS.articleLists)
    for (const slug of [doc?.slug, previousDoc?.slug]) if (slug) tags.add(CACHE_TAGS.article(slug))
    return [...tags]
  }
  const ownTag: Record<string, string> = {
    columns: CACHE_TAGS.columns,
    bylines: CACHE_TAGS.bylines,
    photos: CACHE_TAGS.photos,
    tags: CACHE_TAGS.tags,
    regions: CACHE_TAGS.regions,
    installments: CACHE_TAGS.installments,
  }
  if (!ownTag[collection]) return []
  return [ownTag[collection], CACHE_TAGS.articleLists]
}
