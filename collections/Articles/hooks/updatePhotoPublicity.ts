import type { CollectionAfterChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { photosShownBy, publicCopyOf, refreshPhotoPublicity } from '@/publishing/photoPublicity'
import { publicCopyBefore } from './rememberPublicCopy'

/**
 * Publishing, publishing changes, retracting, unpublishing at the scheduled time and
 * restoring change which photos readers see; a draft save or an autosave changes nothing
 * public, and then nothing is written.
 */
export const updatePhotoPublicity: CollectionAfterChangeHook<Article> = async ({ doc, operation, req, context }) => {
  const before = new Set(photosShownBy(publicCopyBefore(context, doc.id, operation)))
  const after = new Set(photosShownBy(await publicCopyOf(req, doc.id)))
  const changed = [...before, ...after].filter((id) => before.has(id) !== after.has(id))
  if (changed.length) await refreshPhotoPublicity(req, changed)
  return doc
}
