import type { Access, PayloadRequest, Where } from 'payload'

import { type DocumentId, relationId } from '@/data/relationId'
import { creditedBylineNeedle } from '@/newsroom/bylines'
import { can, type Permission } from './permissions'
import { isStaffUser } from './roles'

type UserWithByline = { id: DocumentId; byline?: unknown }

const PUBLISHED: Where = { _status: { equals: 'published' } }
const STILL_WITH_THE_WRITER: Where = { workflowState: { in: ['draft', 'returned'] } }

/**
 * The desk (readAllArticles) reads everything; other staff, journalists, read what is
 * published, what they own and what carries their byline; readers read what is published.
 */
function articlesReadableBy(user: PayloadRequest['user']): true | Where {
  if (can(user, 'readAllArticles')) return true
  if (!isStaffUser(user) || !user) return PUBLISHED
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

/** The holders of a permission act on any article; a journalist only on their own, and only while it is with them. */
const ownDraftOr =
  (permission: Permission): Access =>
  ({ req }) => {
    if (can(req.user, permission)) return true
    if (!isStaffUser(req.user) || !req.user) return false
    return { and: [{ owner: { equals: req.user.id } }, STILL_WITH_THE_WRITER] }
  }

export const updateArticles = ownDraftOr('editAnyArticle')
export const deleteArticles = ownDraftOr('manageArticles')

/** Version history is for the desk, and for a journalist only of their own articles. */
export const readArticleVersions: Access = ({ req }) => {
  if (can(req.user, 'readAllArticles')) return true
  if (!isStaffUser(req.user) || !req.user) return false
  return { 'version.owner': { equals: req.user.id } }
}
