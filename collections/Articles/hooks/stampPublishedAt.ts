import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'

/** The first publication fixes the public date; later corrections do not move it. */
export const stampPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status !== 'published' || data.publishedAt || originalDoc?.publishedAt) return data
  return { ...data, publishedAt: new Date().toISOString() }
}
