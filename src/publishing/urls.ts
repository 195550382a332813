import { shanghaiNoon, toShanghaiDate } from '@/newsroom/dates'
import type { DocumentId } from '@/data/relationId'

/** Every public path of the reader site, built in one place so links and sitemaps agree. */
const segment = (value: string) => encodeURIComponent(value)

export const readerPaths = {
  home: () => '/',
  article: (slug: string) => `/articles/${segment(slug)}`,
  articleNinjs: (slug: string) => `/articles/${segment(slug)}/ninjs.json`,
  column: (slug: string) => `/columns/${segment(slug)}`,
  columnRss: (slug: string) => `/columns/${segment(slug)}/rss.xml`,
  columnAtom: (slug: string) => `/columns/${segment(slug)}/atom.xml`,
  byline: (slug: string) => `/bylines/${segment(slug)}`,
  tag: (slug: string) => `/tags/${segment(slug)}`,
  region: (slug: string) => `/regions/${segment(slug)}`,
  /** `date` is a Beijing calendar day, `2026-11-22`. */
  archive: (date: string) => `/archive/${date}`,
  printEdition: (date: string) => `/print/${date}`,
  rss: () => '/rss.xml',
  atom: () => '/atom.xml',
  sitemap: () => '/sitemap.xml',
  preview: (id: DocumentId) => `/preview/articles/${id}`,
  frontPagePreview: () => '/preview/front-page',
  channel: (slug: string) => `/channels/${segment(slug)}`,
  /** The search page; empty values are left out of the query string. */
  search: (params: Record<string, string | number | undefined> = {}) => {
    const query = new URLSearchParams(Object.entries(params).flatMap(([name, value]) => (value === undefined || value === '' ? [] : [[name, String(value)]]))).toString()
    return query ? `/search?${query}` : '/search'
  },
} as const

/** Page 2 onwards of a list lives under `/page/N` of the list's own path (Ghost's scheme). */
export function pagedPath(basePath: string, page: number): string {
  if (page <= 1) return basePath
  return `${basePath === '/' ? '' : basePath}/page/${page}`
}

/**
 * The page number a list's trailing path segments ask for: none is page 1, `page/N` is N
 * (N ≥ 2; page 1 lives at the bare path). Anything else is not a page of this list.
 */
export function pageFromSegments(segments: string[] | undefined): number | null {
  if (!segments || segments.length === 0) return 1
  if (segments.length !== 2 || segments[0] !== 'page' || !/^[1-9]\d{0,3}$/.test(segments[1])) return null
  const page = Number(segments[1])
  return page >= 2 ? page : null
}

/** The Beijing calendar day `offset` days from `date` (both `YYYY-MM-DD`). */
export function adjacentDay(date: string, offset: number): string {
  return toShanghaiDate(new Date(shanghaiNoon(date).getTime() + offset * 24 * 60 * 60 * 1000))
}
