import type { CollectionConfig } from 'payload'

import { label } from '@collections/shared/labels'
import { pageImportsAccess } from './access'
import { countOpenBlocks } from './hooks/countOpenBlocks'
import { keepImportedFacts } from './hooks/keepImportedFacts'

/**
 * One imported file (导入记录): which drafts it made, its edition, and the text the importer could
 * place in no article (an orphan byline, a section label with nothing under it), kept here for
 * the editor to copy into the right draft and tick off, so nothing of the page is lost.
 */
export const PageImports: CollectionConfig = {
  slug: 'page-imports',
  labels: { singular: label('导入记录', 'Page import'), plural: label('导入记录', 'Page imports') },
  access: pageImportsAccess,
  admin: { useAsTitle: 'fileName', defaultColumns: ['createdAt', 'fileName', 'editionDate', 'pageName', 'unassignedOpen', 'importedBy'], group: label('系统', 'System') },
  defaultSort: '-createdAt',
  fields: [
    { name: 'fileName', type: 'text', required: true, label: label('文件', 'File'), admin: { readOnly: true } },
    { name: 'pageKey', type: 'text', required: true, index: true, label: label('版面标识', 'Page key'), admin: { readOnly: true } },
    {
      name: 'format',
      type: 'select',
      required: true,
      options: [
        { label: label('版面文本', 'Page text'), value: 'text' },
        { label: label('Word 稿件', 'Word copy'), value: 'docx' },
      ],
      label: label('格式', 'Format'),
      admin: { readOnly: true },
    },
    { name: 'editionDate', type: 'date', label: label('见报日期', 'Edition date'), admin: { readOnly: true, date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } } },
    { name: 'pageNumber', type: 'number', label: label('版次', 'Page'), admin: { readOnly: true } },
    { name: 'pageName', type: 'text', label: label('版名', 'Page name'), admin: { readOnly: true } },
    { name: 'importedBy', type: 'relationship', relationTo: 'users', label: label('导入人', 'Imported by'), admin: { readOnly: true } },
    { name: 'articles', type: 'relationship', relationTo: 'articles', hasMany: true, label: label('所建稿件', 'Drafts'), admin: { readOnly: true } },
    {
      name: 'unassigned',
      type: 'array',
      label: label('未归属文字', 'Unassigned text'),
      labels: { singular: label('段', 'Block'), plural: label('段', 'Blocks') },
      admin: { description: label('导入时未能归入任何稿件的文字：复制到相应稿件后勾选“已处理”', 'Text no draft took: copy it into the right draft, then tick it off') },
      fields: [
        { name: 'text', type: 'textarea', required: true, label: label('文字', 'Text'), admin: { readOnly: true } },
        { name: 'assigned', type: 'checkbox', defaultValue: false, label: label('已处理', 'Placed') },
      ],
    },
    { name: 'unassignedOpen', type: 'number', defaultValue: 0, label: label('待处理段数', 'Open blocks'), admin: { readOnly: true, description: label('未归属文字中尚未勾选“已处理”的段数', 'Unassigned blocks not yet ticked off') } },
    { name: 'warnings', type: 'array', label: label('导入提示', 'Warnings'), admin: { readOnly: true }, fields: [{ name: 'text', type: 'text', label: label('提示', 'Warning') }] },
  ],
  hooks: { beforeChange: [keepImportedFacts, countOpenBlocks] },
}
