import type { CollectionAfterDeleteHook } from 'payload'

import type { DocumentId } from '@/data/relationId'
import { refreshPhotoPublicity } from '@/publishing/photoPublicity'

/** A deleted article or column no longer shows its photos; those nothing else public shows become internal again. */
export function releasePhotosOf<T>(photosOf: (doc: T) => DocumentId[]): CollectionAfterDeleteHook<T & { id: DocumentId }> {
  return async ({ doc, req }) => {
    const photos = photosOf(doc)
    if (photos.length) await refreshPhotoPublicity(req, photos)
    return doc
  }
}
