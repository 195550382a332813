import type { Access, CollectionConfig } from 'payload'

import { readArticleRecords } from '@/access/articles'
import { can } from '@/access/permissions'
import { staffOnly } from '@/access/rules'

const authorOrEditor: Access = ({ req }) => {
  if (can(req.user, 'moderateComments')) return true
  if (!req.user) return false
  return { author: { equals: req.user.id } }
}

/** Internal notes between colleagues: never outside the newsroom, and only on articles the colleague may read. */
export const editorialCommentsAccess: CollectionConfig['access'] = {
  read: readArticleRecords,
  create: staffOnly,
  update: authorOrEditor,
  delete: authorOrEditor,
}
