import type { CollectionConfig } from 'payload'

import { readerCacheHooks } from '../shared/hooks/invalidateReaderCache'
import { reindexReferencingArticles } from '../shared/hooks/reindexReferencingArticles'
import { label } from '../shared/labels'
import { slugField } from '../shared/slugField'
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
