import type { PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { relationId } from '@/data/relationId'
import { pendingBylinesMessage } from '@/newsroom/bylineProposals'

/**
 * Why the article cannot go public while it credits bylines no editor has confirmed (readers
 * could not see those names, and they may be duplicates or misspelt), or null when it may.
 */
export async function pendingCreditsRefusal(req: PayloadRequest, bylines: Article['bylines'] | undefined): Promise<string | null> {
  const ids = (bylines ?? []).flatMap((entry) => {
    const id = relationId(entry?.byline)
    return id == null ? [] : [id]
  })
  if (ids.length === 0) return null
  const { docs } = await req.payload.find({
    collection: 'bylines',
    where: { and: [{ id: { in: ids } }, { status: { equals: 'pending' } }] },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: true,
    req,
    select: { name: true, organisation: true },
  })
  if (docs.length === 0) return null
  // In the article's print order, not the database's.
  const order = ids.map(String)
  const pending = [...docs].sort((a, b) => order.indexOf(String(a.id)) - order.indexOf(String(b.id)))
  return pendingBylinesMessage(pending)
}
