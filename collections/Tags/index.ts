import type { CollectionConfig } from 'payload'

import { readerCacheHooks } from '@collections/shared/hooks/invalidateReaderCache'
import { reindexReferencingArticles } from '@collections/shared/hooks/reindexReferencingArticles'
import { label } from '@collections/shared/labels'
import { slugField } from '@collections/shared/slugField'
import { tagsAccess } from './access'

export const Tags: CollectionConfig = {
  slug: 'tags',
  labels: { singular: label('标签', 'Tag'), plural: label('标签', 'Tags') },
  access: tagsAccess,
  hooks: { ...readerCacheHooks, afterChange: [...readerCacheHooks.afterChange, reindexReferencingArticles('tags')] },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: label('分类', 'Taxonomy') },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: label('名称', 'Name') },
    slugField('tags', 'name'),
    { name: 'description', type: 'textarea', label: label('说明', 'Description') },
  ],
}
