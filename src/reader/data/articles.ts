import { unstable_cache } from 'next/cache'

import type { Article } from '../../../payload-types'
import { CACHE_TAGS } from './cache-tags'
import { readerPayload } from './payloadClient'

/** A safety net: hooks invalidate on change, this bounds staleness if one is ever missed. */
const REVALIDATE_SECONDS = 60
export const HOME_PAGE_SIZE = 20

/** Every reader read: as an anonymous reader, published versions only, relations resolved for display. */
const AS_READER = { collection: 'articles', overrideAccess: false, draft: false, depth: 2 } as const

/** A retracted article keeps its URL (with the notice) but leaves every list. */
const NOT_RETRACTED = { 'retraction.retractedAt': { exists: false } }

export type ArticleList = { docs: Article[]; page: number; totalPages: number; totalDocs: number }

/** Access rules, not this code, decide what is public. */
export const getLatestArticles = unstable_cache(
  async (page: number): Promise<ArticleList> => {
    const payload = await readerPayload()
    const result = await payload.find({
      ...AS_READER,
      page,
      limit: HOME_PAGE_SIZE,
      where: NOT_RETRACTED,
      sort: '-publishedAt',
    })
    return { docs: result.docs, page: result.page ?? page, totalPages: result.totalPages, totalDocs: result.totalDocs }
  },
  ['latest-articles'],
  { tags: [CACHE_TAGS.articleLists, CACHE_TAGS.columns, CACHE_TAGS.bylines, CACHE_TAGS.photos], revalidate: REVALIDATE_SECONDS },
)

export function getArticleBySlug(slug: string): Promise<Article | null> {
  return unstable_cache(
    async () => {
      const payload = await readerPayload()
      const result = await payload.find({
        ...AS_READER,
        limit: 1,
        where: { slug: { equals: slug } },
      })
      return result.docs[0] ?? null
    },
    ['article', slug],
    {
      tags: [CACHE_TAGS.article(slug), CACHE_TAGS.columns, CACHE_TAGS.bylines, CACHE_TAGS.photos, CACHE_TAGS.tags, CACHE_TAGS.regions],
      revalidate: REVALIDATE_SECONDS,
    },
  )()
}
