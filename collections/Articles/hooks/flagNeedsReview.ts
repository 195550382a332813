import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'

/** A single indexed flag lets the article list filter "needs an editor" without scanning arrays. */
export const flagNeedsReview: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const flags = data.reviewFlags ?? originalDoc?.reviewFlags ?? []
  return { ...data, needsReview: flags.some((flag) => !flag.resolved) }
}
