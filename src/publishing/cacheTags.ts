import { toShanghaiDate } from '../newsroom/dates'

/**
 * Every cache tag the reader site uses, named once. Reader reads attach the tags of what they
 * show; collection hooks expire them on public changes (and, with a cache tier, purge the same
 * names as surrogate keys). Draft saves and autosaves expire nothing.
 */
export const CACHE_TAGS = {
  article: (slug: string) => `article:${slug}`,
  /**
   * Which installments an article's page shows as previous and next, by the article's slug:
   * apart from `article`, which pages linking to the article also carry.
   */
  neighbours: (slug: string) => `neighbours:${slug}`,
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
  /** One channel's pages (`/channels/<slug>`) and its block on the front page, by the channel's slug. */
  channel: (slug: string) => `channel:${slug}`,
  /** The channels themselves: every HTML page's navigation, and which articles each channel takes. */
  channels: 'channels',
  tag: (slug: string) => `tag:${slug}`,
  /** A region's page, which also lists the articles of every place beneath it. */
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
  /** What every reader page's footer shows: 备案号, 许可证, 举报方式 (网站设置). */
  siteSettings: 'site-settings',
  /** The masthead's date line, on every HTML page: expired when the Beijing day turns (src/publishing/dateLine.ts). */
  dateLine: 'date-line',
  /** The 热点排行 (most read, 24 hours and 7 days) on the front page: expired by the scheduler's loop when the order changed, at most every few minutes (src/readerViews/rankingRefresh.ts), never by a publication. */
  mostRead: 'most-read',
} as const

/**
 * Whether the cache tier drops a tag's pages outright on a change, rather than keeping them to
 * serve while it fetches fresh ones (a soft purge). An article's own page is dropped: after a
 * retraction or a correction no reader may be given the old text. Pages listing articles are
 * kept: on a busy front page a dropped copy made every reader wait for one origin render, and
 * behind a busy origin most of them gave up.
 */
export const isPurgedOutright = (tag: string) => tag.startsWith(CACHE_TAGS.article(''))

/**
 * How long a cached page or read is served before it is rendered again in the background. Tags
 * expire what a change touches (expireArticlePages), so this is a safety net and the refresh of
 * related reading. At 300 s every page a reader asked for more than five minutes after its
 * render was rendered again, changed or not: at 10,000 articles most of the origin's work
 * under the soak. Pages declare the same figure as a literal (`export const revalidate`, which
 * Next.js reads at build time); tests/unit/publishing/cacheTags.test.ts keeps them equal.
 */
export const REVALIDATE_SECONDS = 3600

/**
 * What any page listing or showing articles displays besides the articles themselves: column
 * names, bylines, photos, tag and region labels. Edits to those documents are rare and expire
 * these kind tags, so every page that shows one is refreshed.
 */
export const ARTICLE_LIST_TAGS: string[] = [CACHE_TAGS.columns, CACHE_TAGS.bylines, CACHE_TAGS.photos, CACHE_TAGS.tags, CACHE_TAGS.regions]

/** What readers see an article filed under, with slugs looked up (ids are what the article holds). */
export type ArticlePlacement = {
  slug?: string | null
  columnSlugs: readonly string[]
  bylineSlugs: readonly string[]
  tagSlugs: readonly string[]
  /** The channels whose rules take the article in (src/publishing/channelRules.ts). */
  channelSlugs?: readonly string[]
  /** The article's regions and every region above them: a region page lists its descendants' articles. */
  regionSlugs: readonly string[]
  /** The installments either side of it in its column now: their pages show it as previous or next. */
  neighbourSlugs?: readonly string[]
  publishedAt?: string | null
  editionDate?: string | null
}

/**
 * What a public change to an article (published, changed, retracted, taken offline, deleted)
 * makes stale: the pages that show it, before and after the change. Pages of other columns,
 * bylines, tags, regions and days keep their cache.
 */
export function articleTagsToExpire(placements: readonly ArticlePlacement[]): string[] {
  const tags = new Set<string>([CACHE_TAGS.home, CACHE_TAGS.feeds, CACHE_TAGS.sitemap, CACHE_TAGS.search])
  for (const placement of placements) {
    if (placement.slug) tags.add(CACHE_TAGS.article(placement.slug))
    for (const slug of placement.neighbourSlugs ?? []) tags.add(CACHE_TAGS.neighbours(slug))
    for (const slug of placement.columnSlugs) tags.add(CACHE_TAGS.column(slug))
    for (const slug of placement.bylineSlugs) tags.add(CACHE_TAGS.byline(slug))
    for (const slug of placement.tagSlugs) tags.add(CACHE_TAGS.tag(slug))
    for (const slug of placement.channelSlugs ?? []) tags.add(CACHE_TAGS.channel(slug))
    for (const slug of placement.regionSlugs) tags.add(CACHE_TAGS.region(slug))
    if (placement.publishedAt) tags.add(CACHE_TAGS.day(toShanghaiDate(placement.publishedAt)))
    if (placement.editionDate) tags.add(CACHE_TAGS.edition(toShanghaiDate(placement.editionDate)))
  }
  return [...tags]
}

/**
 * What a change to a column, byline, tag, region, photo or installment makes stale: its kind
 * tag, carried by every page that displays such documents. The slugged ones are also listed
 * in the sitemap and offered or shown by search.
 */
export function tagsToInvalidate(collection: string): string[] {
  const listedAndSearchable: Record<string, string> = {
    columns: CACHE_TAGS.columns,
    bylines: CACHE_TAGS.bylines,
    tags: CACHE_TAGS.tags,
    regions: CACHE_TAGS.regions,
  }
  if (listedAndSearchable[collection]) return [listedAndSearchable[collection], CACHE_TAGS.sitemap, CACHE_TAGS.search]
  if (collection === 'photos') return [CACHE_TAGS.photos]
  if (collection === 'installments') return [CACHE_TAGS.installments]
  return []
}
