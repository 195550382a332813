import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { relationId } from '@/data/relationId'
import { creditedBylinesKey } from '@/newsroom/bylines'

/** Keeps `creditedBylines` in step with the byline list whenever a save changes it. */
export const recordCreditedBylines: CollectionBeforeChangeHook<Article> = ({ data }) => {
  if (data.bylines === undefined) return data
  const ids = (data.bylines ?? []).flatMap((entry) => {
    const id = relationId(entry.byline)
    return id == null ? [] : [id]
  })
  return { ...data, creditedBylines: creditedBylinesKey(ids) }
}
