import type { CollectionConfig } from 'payload'

import { staffOnlyField } from '@/access/rules'
import { PART_SEPARATORS } from '@/newsroom/columnLabel'
import { readerCacheHooks } from '@collections/shared/hooks/invalidateReaderCache'
import { reindexReferencingArticles } from '@collections/shared/hooks/reindexReferencingArticles'
import { matchPinyinToo } from '@collections/shared/hooks/matchPinyinToo'
import { pinyinFields } from '@collections/shared/pinyinField'
import { label, option, withLabels } from '@collections/shared/labels'
import { reviewChainField } from '@collections/shared/reviewChainField'
import { slugField } from '@collections/shared/slugField'
import { releasePhotosOf } from '@collections/Photos/hooks/releasePhotosOf'
import { photosOfColumn } from '@/publishing/photoPublicity'
import { columnsAccess } from './access'
import { renumberEndpoint } from './endpoints/renumber'
import { updateLogoPublicity } from './hooks/updateLogoPublicity'

export const Columns: CollectionConfig = {
  slug: 'columns',
  labels: { singular: label('专栏', 'Column'), plural: label('专栏', 'Columns') },
  access: columnsAccess,
  hooks: {
    beforeOperation: [matchPinyinToo('name')],
    afterChange: [updateLogoPublicity, ...readerCacheHooks.afterChange, reindexReferencingArticles('column')],
    afterDelete: [releasePhotosOf(photosOfColumn), ...readerCacheHooks.afterDelete],
  },
  endpoints: [renumberEndpoint],
  admin: {
    // Relationship pickers filter by the title text: this one carries the pinyin too.
    useAsTitle: 'pickerTitle',
    defaultColumns: ['name', 'numberingStyle', 'cadence', 'active'],
    group: label('内容', 'Content'),
  },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: label('专栏名称', 'Name') },
    ...withLabels(pinyinFields('name'), { pinyin: label('拼音', 'Pinyin') }),
    slugField('columns', 'name'),
    { name: 'description', type: 'textarea', label: label('专栏介绍', 'Description') },
    { name: 'logo', type: 'upload', relationTo: 'photos', label: label('专栏标识', 'Logo') },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'columns',
      label: label('所属主题活动', 'Parent campaign'),
      admin: {
        description: label('印在专栏名之前，如“非凡“十四五””。', 'Printed before the column name.'),
      },
      filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'numberingStyle',
          type: 'select',
          required: true,
          defaultValue: 'circled',
          label: label('期号样式', 'Numbering style'),
          options: [
            option('circled', '①②③', 'Circled digits'),
            option('chineseParenthesised', '(一)(二)(三)', 'Chinese numerals in brackets'),
            option('ordinalIssue', '第1期、第2期', 'Issue N'),
            option('none', '不编号（只用分篇名）', 'No number'),
          ],
        },
        {
          name: 'partSeparator',
          type: 'select',
          required: true,
          defaultValue: 'middleDot',
          label: label('分篇连接符', 'Part separator'),
          options: [
            option('middleDot', `${PART_SEPARATORS.middleDot}（如 ·科技篇）`, 'Middle dot (·)'),
            option('zhi', `${PART_SEPARATORS.zhi}（如 之新化篇）`, 'zhi (之)'),
          ],
        },
      ],
    },
    {
      name: 'cadence',
      type: 'select',
      required: true,
      defaultValue: 'irregular',
      label: label('刊发频率', 'Cadence'),
      options: [
        option('daily', '每日', 'Daily'),
        option('weekly', '每周', 'Weekly'),
        option('biweekly', '每两周', 'Every two weeks'),
        option('monthly', '每月', 'Monthly'),
        option('irregular', '不定期', 'Irregular'),
      ],
    },
    {
      name: 'responsibleEditors',
      type: 'relationship',
      relationTo: 'users',
      hasMany: true,
      label: label('责任编辑', 'Responsible editors'),
      access: { read: staffOnlyField },
    },
    reviewChainField(true),
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      label: label('正在刊发', 'Active'),
      admin: { position: 'sidebar' },
    },
  ],
}
