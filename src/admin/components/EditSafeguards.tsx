'use client'

import { StaleCopyBanner } from './StaleCopyBanner'
import { useDiscardUntouchedDraft } from './useDiscardUntouchedDraft'

/**
 * At the top of the article's edit view: the banner of a stale copy, and the clean-up of a
 * new article left without a word typed.
 */
export function EditSafeguards() {
  useDiscardUntouchedDraft()
  return <StaleCopyBanner />
}
