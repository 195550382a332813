import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { photosOfArticle, usedPhotosKey } from '@/publishing/photoPublicity'

/** Keeps `usedPhotos` in step with every place a save can put a photo, for the photos' read rule to query. */
export const recordUsedPhotos: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const current = <K extends 'leadPhoto' | 'photos' | 'seo' | 'body'>(field: K) => (data[field] !== undefined ? data[field] : originalDoc?.[field])
  const photos = photosOfArticle({ leadPhoto: current('leadPhoto'), photos: current('photos'), seo: current('seo'), body: current('body') })
  return { ...data, usedPhotos: usedPhotosKey(photos) }
}
