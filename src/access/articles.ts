import type { Access, PayloadRequest, Where } from 'payload'

import { type DocumentId, relationId } from '@/data/relationId'
import { creditedBylineNeedle } from '@/newsroom/bylines'
import { isStaffUser, roleOf } from './roles'

type UserWithByline = { id: DocumentId; byline?: unknown }

const PUBLISHED: Where = { _status: { equals: 'published' } }
const STILL_WITH_THE_WRITER: Where = { workflowState: { in: ['draft', 'returned'] } }

/**
 * Editors and admins read everything; a journalist reads what is published, what they
 * own and what carries their byline; readers read what is published.
 */
function articlesReadableBy(user: PayloadRequest['user']): true | Where {
  const role = roleOf(user)
  if (role === 'admin' || role === 'editor') return true
  if (role !== 'journalist' || !user) return PUBLISHED
  const bylineId = relationId((user as UserWithByline).byline)
  const mine: Where[] = [PUBLISHED, { owner: { equals: user.id } }]
  if (bylineId != null) mine.push({ creditedBylines: { contains: creditedBylineNeedle(bylineId) } })
  return { or: mine }
}

export const readArticles: Access = ({ req }) => articlesReadableBy(req.user)

/** The same condition, asked of the article a record's `article` relationship points at. */
function onTheirArticle(where: Where): Where {
  return Object.fromEntries(
    Object.entries(where).map(([key, value]) => (key === 'and' || key === 'or' ? [key, (value as Where[]).map(onTheirArticle)] : [`article.${key}`, value])),
  )
}

/**
 * Editorial comments and workflow history belong to one article: staff read those of the
 * articles they may read, so a journalist never learns of another's draft through its notes.
 */
export const readArticleRecords: Access = ({ req }) => {
  if (!isStaffUser(req.user)) return false
  const rule = articlesReadableBy(req.user)
  return rule === true ? true : onTheirArticle(rule)
}

/** Whether the request's user may read the article: what may be attached to it follows from that. */
export async function mayReadArticle(req: PayloadRequest, id: DocumentId): Promise<boolean> {
  const rule = articlesReadableBy(req.user)
  if (rule === true) return true
  const { totalDocs } = await req.payload.count({ collection: 'articles', where: { and: [{ id: { equals: id } }, rule] }, overrideAccess: true, req })
  return totalDocs > 0
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
