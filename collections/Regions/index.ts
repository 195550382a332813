import type { CollectionConfig } from 'payload'

import { readerCacheHooks } from '@collections/shared/hooks/invalidateReaderCache'
import { reindexReferencingArticles } from '@collections/shared/hooks/reindexReferencingArticles'
import { label, option } from '@collections/shared/labels'
import { slugField } from '@collections/shared/slugField'
import { regionsAccess } from './access'
import { buildRegionPath } from './hooks/buildRegionPath'

export const Regions: CollectionConfig = {
  slug: 'regions',
  labels: { singular: label('地区', 'Region'), plural: label('地区', 'Regions') },
  access: regionsAccess,
  admin: { useAsTitle: 'path', defaultColumns: ['path', 'kind', 'slug'], group: label('分类', 'Taxonomy') },
  hooks: { ...readerCacheHooks, beforeChange: [buildRegionPath], afterChange: [...readerCacheHooks.afterChange, reindexReferencingArticles('regions')] },
  fields: [
    { name: 'name', type: 'text', required: true, label: label('名称', 'Name') },
    slugField('regions', 'name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: label('行政级别', 'Kind'),
      options: [
        option('province', '省', 'Province'),
        option('city', '市（地级）', 'Prefecture-level city'),
        option('county', '县', 'County'),
        option('countyLevelCity', '县级市', 'County-level city'),
        option('district', '区', 'District'),
        option('town', '乡镇、街道', 'Town or subdistrict'),
      ],
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'regions',
      label: label('上级地区', 'Parent region'),
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      name: 'path',
      type: 'text',
      label: label('完整名称', 'Full name'),
      admin: { readOnly: true, description: label('由上级地区自动生成。', 'Built from the parent chain.') },
    },
  ],
}
