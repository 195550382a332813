import type { CollectionConfig } from 'payload'

import { changeOwnDraftOrEditor, readArticles, readArticleVersions } from '../../src/access/articles'
import { staffOnly } from '../../src/access/rules'

export const articlesAccess: CollectionConfig['access'] = {
  read: readArticles,
  readVersions: readArticleVersions,
  create: staffOnly,
  update: changeOwnDraftOrEditor,
  delete: changeOwnDraftOrEditor,
}
