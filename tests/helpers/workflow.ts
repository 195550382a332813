import { createLocalReq, type Payload } from 'payload'

import type { User } from '@payload-types'
import { type TransitionRequest, transitionArticle } from '@/workflow/transitionArticle'

/** One workflow transition taken by a signed-in staff member, as the endpoint would take it. */
export async function transitionAs(payload: Payload, user: User, request: Omit<TransitionRequest, 'system'>) {
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, payload)
  return transitionArticle(payload, req, request)
}
