import type { Access, Where } from 'payload'

import { relationId } from '../data/relationId'
import { creditedBylineNeedle } from '../newsroom/bylines'
import { roleOf } from './roles'

type UserWithByline = { id: number | string; byline?: unknown }

const PUBLISHED: Where = { _status: { equals: 'published' } }
const STILL_WITH_THE_WRITER: Where = { workflowState: { in: ['draft', 'returned'] } }

/**
 * Editors and admins read everything; a journalist reads what is published, what they
 * own and what carries their byline; readers read what is published.
 */
export const readArticles: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === 'admin' || role === 'editor') return true
  if (role !== 'journalist' || !req.user) return PUBLISHED
  const user = req.user as UserWithByline
  const bylineId = relationId(user.byline)
  const mine: Where[] = [PUBLISHED, { owner: { equals: user.id } }]
  if (bylineId != null) mine.push({ creditedBylines: { contains: creditedBylineNeedle(bylineId) } })
  return { or: mine }
}

/** A journalist changes only their own article, and only while it is with them. */
export const changeOwnDraftOrEditor: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === 'admin' || role === 'editor') return true
  if (role !== 'journalist' || !req.user) return false
  return { and: [{ owner: { equals: req.user.id } }, STILL_WITH_THE_WRITER] }
}

/** Version history is for staff, and for a journalist only of their own articles. */
export const readArticleVersions: Access = ({ req }) => {
  const role = roleOf(req.user)
  if (role === 'admin' || role === 'editor') return true
  if (role !== 'journalist' || !req.user) return false
  return { 'version.owner': { equals: req.user.id } }
}
