import { type RelationshipFieldSingleValidation, validations } from 'payload'

import { mayReadArticle } from '@/access/articles'
import { relationId } from '@/data/relationId'

/**
 * A comment is attached to an article its author may read: otherwise a journalist could
 * probe for another's drafts by id and leave notes on them. Server code (overrideAccess)
 * is trusted.
 */
export const articleTheAuthorMayRead: RelationshipFieldSingleValidation = async (value, options) => {
  const verdict = await validations.relationship(value, options)
  const id = relationId(value)
  if (verdict !== true || options.overrideAccess || id == null) return verdict
  return (await mayReadArticle(options.req, id)) || '只能对您有权查看的稿件添加批注：该稿件不存在，或您无权查看'
}
