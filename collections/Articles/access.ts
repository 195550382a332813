import type { CollectionConfig } from 'payload'

import { deleteArticles, readArticles, readArticleVersions, updateArticles } from '@/access/articles'
import { staffOnly } from '@/access/rules'

export const articlesAccess: CollectionConfig['access'] = {
  read: readArticles,
  readVersions: readArticleVersions,
  create: staffOnly,
  update: updateArticles,
  delete: deleteArticles,
}
