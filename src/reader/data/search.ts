import { unstable_cache } from 'next/cache'

import { FILTER_LABELS, parseSearchParams, resolveSearchFilters, type SearchParams } from '@/search/params'
import { SEARCH_LIMITS, searchArticles, type SearchResults } from '@/search/query'
import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from '@/publishing/cacheTags'
import { readerPayload } from './payloadClient'
import { findRegionTree } from './queries'

export { FILTER_LABELS, parseSearchParams, type SearchParams }

export type ReaderSearch = { results: SearchResults } | { unknownFilter: 'column' | 'region' | 'byline' }

/** Published articles only, as an anonymous reader may see them; a public change expires them (`search`). */
export const getSearchResults = unstable_cache(
  async (params: Pick<SearchParams, 'q' | 'page' | 'refs' | 'from' | 'to'>): Promise<ReaderSearch> => {
    const payload = await readerPayload()
    const resolved = await resolveSearchFilters(payload, params)
    if ('unknown' in resolved) return { unknownFilter: resolved.unknown }
    return { results: await searchArticles(payload, params.q, { page: params.page, limit: SEARCH_LIMITS.defaultLimit, filters: resolved.filters }) }
  },
  ['search'],
  { tags: [CACHE_TAGS.search, ...ARTICLE_LIST_TAGS], revalidate: REVALIDATE_SECONDS },
)

/** What the search form offers to narrow by: every column and place, by slug. */
export const getSearchChoices = unstable_cache(
  async () => {
    const payload = await readerPayload()
    const [columns, regions] = await Promise.all([
      payload.find({ collection: 'columns', overrideAccess: false, depth: 0, limit: 0, pagination: false, sort: 'name', select: { name: true, slug: true } }),
      findRegionTree(payload),
    ])
    return {
      columns: columns.docs.map((column) => ({ slug: column.slug ?? '', name: column.name })),
      regions: regions.map((region) => ({ slug: region.slug ?? '', name: region.path ?? region.name })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    }
  },
  ['search-choices'],
  { tags: [CACHE_TAGS.columns, CACHE_TAGS.regions], revalidate: REVALIDATE_SECONDS },
)
