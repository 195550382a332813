import type { CollectionBeforeChangeHook } from 'payload'

import type { Byline } from '@payload-types'
import { proposesPendingBylines } from '@/access/bylines'
import { relationId } from '@/data/relationId'
import { refusal } from '@collections/shared/errors'

/**
 * Whatever a client sends, a journalist's new byline is a proposal in their name, and editing
 * it (their own, while pending: see the access rule) never confirms it or changes whose it is.
 * An editor's confirmation is final: un-confirming would hide the name from articles readers
 * already have.
 */
export const proposeAsPending: CollectionBeforeChangeHook<Byline> = ({ data, operation, originalDoc, req }) => {
  if (proposesPendingBylines(req.user)) {
    if (operation === 'create') return { ...data, status: 'pending', proposedBy: req.user!.id as number }
    return { ...data, status: originalDoc?.status ?? 'pending', proposedBy: relationId(originalDoc?.proposedBy) as number | null }
  }
  if (operation === 'update' && data.status === 'pending' && originalDoc?.status !== 'pending') {
    throw refusal('已确认的署名不能改回“待确认”：读者已经能看到它。若是重复的署名，请把它合并到另一条署名。', 409, 'bylineConfirmed')
  }
  return data
}
