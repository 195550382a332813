import type { CollectionBeforeChangeHook, RequestContext } from 'payload'

import type { Article } from '../../../payload-types'
import type { DocumentId } from '../../../src/data/relationId'
import { photosShownBy, publicCopyOf } from '../../../src/publishing/photoPublicity'

type Remembered = Record<string, string[]>

/**
 * The photos the article's public copy shows before this save, for updatePhotoPublicity
 * to compare with after it. Payload's `originalDoc` is the latest version, which may be a
 * pending draft; only the stored main row says what readers see.
 */
export const rememberPublicPhotos: CollectionBeforeChangeHook<Article> = async ({ data, operation, originalDoc, req, context }) => {
  if (operation !== 'update' || originalDoc?.id == null) return data
  const remembered = ((context.publicPhotosBefore as Remembered | undefined) ??= {})
  remembered[String(originalDoc.id)] = photosShownBy(await publicCopyOf(req, originalDoc.id))
  return data
}

/** What rememberPublicPhotos kept for this article (nothing for a new one), forgotten once read. */
export function takeRememberedPublicPhotos(context: RequestContext, id: DocumentId): string[] {
  const remembered = context.publicPhotosBefore as Remembered | undefined
  const photos = remembered?.[String(id)] ?? []
  delete remembered?.[String(id)]
  return photos
}
