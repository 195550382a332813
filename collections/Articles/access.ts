import type { CollectionConfig } from 'payload'

import { changeOwnDraftOrEditor, readArticles, readArticleVersions } from '@/access/articles'
import { staffOnly } from '@/access/rules'

export const articlesAccess: CollectionConfig['access'] = {
  read: readArticles,
  readVersions: readArticleVersions,
  create: staffOnly,
  update: changeOwnDraftOrEditor,
  delete: changeOwnDraftOrEditor,
}
