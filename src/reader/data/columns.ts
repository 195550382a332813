import { unstable_cache } from 'next/cache'

import type { Article, Column } from '../../../payload-types'
import { CACHE_TAGS } from './cache-tags'
import { readerPayload } from './payloadClient'

export type ColumnPage = { column: Column; articles: Article[]; nextPlannedFor: string | null }

/** A column with its published installments in order and the date of the next planned one. */
export function getColumnPage(slug: string): Promise<ColumnPage | null> {
  return unstable_cache(
    async () => {
      const payload = await readerPayload()
      const { docs } = await payload.find({ collection: 'columns', where: { slug: { equals: slug } }, limit: 1, depth: 1, overrideAccess: false })
      const column = docs[0]
      if (!column) return null
      const [articles, next] = await Promise.all([
        payload.find({
          collection: 'articles',
          where: { column: { equals: column.id }, 'retraction.retractedAt': { exists: false } },
          sort: ['installment.number', 'publishedAt'],
          limit: 200,
          depth: 2,
          draft: false,
          overrideAccess: false,
        }),
        // Only the date reaches readers: titles of unpublished work are staff-only fields.
        payload.find({
          collection: 'installments',
          where: { column: { equals: column.id }, plannedFor: { greater_than: new Date().toISOString() } },
          sort: 'plannedFor',
          limit: 1,
          depth: 0,
          overrideAccess: false,
          select: { plannedFor: true },
        }),
      ])
      return { column, articles: articles.docs, nextPlannedFor: next.docs[0]?.plannedFor ?? null }
    },
    ['column-page', slug],
    { tags: [CACHE_TAGS.columns, CACHE_TAGS.articleLists, CACHE_TAGS.installments], revalidate: 60 },
  )()
}
