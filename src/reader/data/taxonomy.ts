import { unstable_cache } from 'next/cache'

import type { Byline, Column, Region, Tag } from '@payload-types'
import { relationId } from '@/data/relationId'
import { cachedRead } from './articles'
import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from '@/publishing/cacheTags'
import { readerPayload } from './payloadClient'
import * as queries from './queries'
import { regionWithDescendants } from '@/newsroom/regions'
import type { DocumentId } from '@/data/relationId'

export type { Byline, Column, Region, Tag }

export const getBylineBySlug = unstable_cache(
  async (slug: string): Promise<Byline | null> => queries.findBySlug(await readerPayload(), 'bylines', slug),
  ['byline'],
  { tags: [CACHE_TAGS.bylines, CACHE_TAGS.photos], revalidate: REVALIDATE_SECONDS },
)

export const getTagBySlug = unstable_cache(
  async (slug: string): Promise<Tag | null> => queries.findBySlug(await readerPayload(), 'tags', slug),
  ['tag'],
  { tags: [CACHE_TAGS.tags], revalidate: REVALIDATE_SECONDS },
)

/** A region, its parent for the breadcrumb, its children and every id its page lists articles for. */
export const getRegionBySlug = unstable_cache(
  async (slug: string): Promise<{ region: Region; children: Region[]; ids: DocumentId[] } | null> => {
    const payload = await readerPayload()
    const region = await queries.findBySlug(payload, 'regions', slug)
    if (!region) return null
    const tree = await queries.findRegionTree(payload)
    const children = tree.filter((candidate) => relationId(candidate.parent) === region.id)
    return { region, children, ids: regionWithDescendants(tree, region.id) }
  },
  ['region'],
  { tags: [CACHE_TAGS.regions], revalidate: REVALIDATE_SECONDS },
)

export const getColumnBySlug = unstable_cache(
  async (slug: string): Promise<Column | null> => queries.findBySlug(await readerPayload(), 'columns', slug),
  ['column'],
  { tags: [CACHE_TAGS.columns, CACHE_TAGS.photos], revalidate: REVALIDATE_SECONDS },
)

export type ColumnPage = { column: Column; articles: queries.ArticlePage; nextPlannedFor: string | null }

/** A column with its published installments in order and the date of the next planned one. */
export function getColumnPage(slug: string, page: number): Promise<ColumnPage | null> {
  return cachedRead(['column-page', slug, String(page)], [CACHE_TAGS.column(slug), CACHE_TAGS.installments, ...ARTICLE_LIST_TAGS], async () => {
    const payload = await readerPayload()
    const column = await queries.findBySlug(payload, 'columns', slug)
    if (!column) return null
    const [articles, nextPlannedFor] = await Promise.all([
      queries.findColumnArticles(payload, column.id, page),
      queries.findNextPlannedDate(payload, column.id),
    ])
    return { column, articles, nextPlannedFor }
  })
}
