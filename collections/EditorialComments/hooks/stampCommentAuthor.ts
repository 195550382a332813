import type { CollectionBeforeChangeHook } from 'payload'

import type { EditorialComment } from '@payload-types'

/** A comment is signed by whoever writes it; the author cannot be chosen or changed. */
export const stampCommentAuthor: CollectionBeforeChangeHook<EditorialComment> = ({ data, operation, originalDoc, req }) => {
  if (operation === 'create') return { ...data, author: req.user?.id ?? data.author }
  return { ...data, author: originalDoc?.author, article: originalDoc?.article }
}
