import type { Access, CollectionConfig } from 'payload'

import { isEditorialUser } from '../../src/access/roles'
import { staffOnly } from '../../src/access/rules'

const authorOrEditor: Access = ({ req }) => {
  if (isEditorialUser(req.user)) return true
  if (!req.user) return false
  return { author: { equals: req.user.id } }
}

/** Internal notes between colleagues: never readable outside the newsroom. */
export const editorialCommentsAccess: CollectionConfig['access'] = {
  read: staffOnly,
  create: staffOnly,
  update: authorOrEditor,
  delete: authorOrEditor,
}
