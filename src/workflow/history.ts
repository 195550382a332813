import type { PayloadRequest } from 'payload'

import type { WorkflowEvent } from '@payload-types'

export type HistoryEntry = Omit<WorkflowEvent, 'id' | 'createdAt' | 'updatedAt' | 'actor'> & { actor?: WorkflowEvent['actor'] }

/**
 * Writes one entry of an article's workflow history in the caller's transaction. Nobody may
 * create history entries through the API (collections/WorkflowEvents/access.ts), so the
 * services that record them override access.
 */
export async function recordWorkflowEvent(req: PayloadRequest, entry: HistoryEntry): Promise<WorkflowEvent> {
  return req.payload.create({ collection: 'workflow-events', data: entry, overrideAccess: true, req })
}
