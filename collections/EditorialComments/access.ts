import type { Access, CollectionConfig } from 'payload'

import { readArticleRecords } from '@/access/articles'
import { isEditorialUser } from '@/access/roles'
import { staffOnly } from '@/access/rules'

const authorOrEditor: Access = ({ req }) => {
  if (isEditorialUser(req.user)) return true
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
