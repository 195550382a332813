import type { UIFieldServerProps } from 'payload'

import { currentReturnNote } from '@/workflow/returnNotes'
import { ReturnNote } from './ReturnNote'

/**
 * The editor's return note above the article's fields, where the writer sees it before
 * anything else. Rendered on the server with the viewer's own access; it is gone once the
 * article is submitted again (the history keeps it).
 */
export async function ReturnNoteBanner({ id, data, payload, req }: UIFieldServerProps) {
  if (!id) return null
  const note = await currentReturnNote(payload, req.user, { id, workflowState: data?.workflowState as string | undefined })
  return note ? <ReturnNote note={note} testId="return-note-banner" /> : null
}
