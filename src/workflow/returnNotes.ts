import type { Payload, PayloadRequest } from 'payload'

import type { User } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'

/** Why an article came back to its writer: the editor's reason, who gave it and when (ISO). */
export type ReturnNote = { note: string; by: string | null; at: string }

/**
 * The latest 退回修改 of each article, read from the workflow history with the reader's own
 * access (a journalist sees only those of the articles they may read). The history keeps
 * every return; callers show this only while the article is still 'returned'.
 */
export async function latestReturnNotes(payload: Payload, user: PayloadRequest['user'], articleIds: DocumentId[]): Promise<Map<string, ReturnNote>> {
  const notes = new Map<string, ReturnNote>()
  if (articleIds.length === 0 || !user) return notes
  const { docs } = await payload.find({
    collection: 'workflow-events',
    where: { and: [{ article: { in: articleIds } }, { action: { equals: 'return' } }] },
    sort: '-createdAt',
    depth: 1,
    populate: { users: { name: true } },
    select: { article: true, actor: true, note: true, createdAt: true },
    pagination: false,
    overrideAccess: false,
    user,
  })
  for (const event of docs) {
    const key = String(relationId(event.article))
    if (notes.has(key)) continue
    const actor = event.actor && typeof event.actor === 'object' ? (event.actor as Pick<User, 'name'>) : null
    notes.set(key, { note: event.note ?? '', by: actor?.name ?? null, at: event.createdAt })
  }
  return notes
}

/** The note of one returned article, or null when it is not (or no longer) returned. */
export async function currentReturnNote(payload: Payload, user: PayloadRequest['user'], article: { id: DocumentId; workflowState?: string | null }): Promise<ReturnNote | null> {
  if (article.workflowState !== 'returned') return null
  return (await latestReturnNotes(payload, user, [article.id])).get(String(article.id)) ?? null
}
