import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { bodyCharacterCount } from '@/newsroom/characterCount'

/**
 * Keeps `characterCount` (字数) in step with the body on every save: drafts and autosaves
 * too, so each version carries the count of its own text, the list can sort by it and the
 * calendar can show it without reading bodies. The same rule counts live in the editor.
 */
export const recordCharacterCount: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  const body = data.body !== undefined ? data.body : originalDoc?.body
  return { ...data, characterCount: bodyCharacterCount(body) }
}
