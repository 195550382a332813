import type { CollectionAfterChangeHook } from 'payload'

import type { Column } from '@payload-types'
import { photosOfColumn, refreshPhotoPublicity } from '@/publishing/photoPublicity'

/** Every column is public, so its logo is; a replaced logo stays public only if something else shows it. */
export const updateLogoPublicity: CollectionAfterChangeHook<Column> = async ({ doc, previousDoc, req }) => {
  const logos = [...photosOfColumn(doc), ...photosOfColumn(previousDoc)]
  const unchanged = logos.length === 2 && String(logos[0]) === String(logos[1])
  if (logos.length && !unchanged) await refreshPhotoPublicity(req, logos)
  return doc
}
