import type { CollectionConfig } from 'payload'

import { staffOnlyField } from '@/access/rules'
import { readerCacheHooks } from '@collections/shared/hooks/invalidateReaderCache'
import { label } from '@collections/shared/labels'
import { installmentsAccess } from './access'
import { assignInstallmentNumber } from './hooks/assignInstallmentNumber'
import { followPlanWithArticle } from './hooks/followPlanWithArticle'
import { keepPrintedInstallments } from './hooks/keepPrintedInstallments'

export const Installments: CollectionConfig = {
  slug: 'installments',
  labels: { singular: label('专栏期次', 'Planned installment'), plural: label('专栏计划', 'Column plan') },
  access: installmentsAccess,
  admin: {
    useAsTitle: 'workingTitle',
    defaultColumns: ['column', 'number', 'plannedFor', 'workingTitle', 'assignee', 'article'],
    group: label('内容', 'Content'),
    description: label('专栏的后续期次：计划刊发时间、暂定标题、负责记者和稿件。期号按顺序自动编排。', 'Upcoming installments of each column.'),
  },
  defaultSort: 'plannedFor',
  hooks: {
    beforeChange: [assignInstallmentNumber],
    afterChange: [followPlanWithArticle, ...readerCacheHooks.afterChange],
    beforeDelete: [keepPrintedInstallments],
    afterDelete: readerCacheHooks.afterDelete,
  },
  fields: [
    { name: 'column', type: 'relationship', relationTo: 'columns', required: true, index: true, label: label('专栏', 'Column') },
    {
      name: 'number',
      type: 'number',
      index: true,
      label: label('期号', 'Number'),
      admin: { readOnly: true, description: label('自动编排；删除某期后请在专栏页执行“重新编号”。', 'Assigned automatically.') },
    },
    {
      name: 'plannedFor',
      type: 'date',
      required: true,
      index: true,
      label: label('计划刊发时间', 'Planned for'),
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy年MM月dd日 HH:mm' } },
    },
    { name: 'workingTitle', type: 'text', label: label('暂定标题', 'Working title'), access: { read: staffOnlyField } },
    {
      name: 'assignee',
      type: 'relationship',
      relationTo: 'users',
      label: label('负责记者', 'Assigned to'),
      access: { read: staffOnlyField },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      label: label('稿件', 'Article'),
      access: { read: staffOnlyField },
      admin: { description: label('写好后关联稿件；稿件会带上本专栏和期号。', 'Link the article once written.') },
    },
    { name: 'notes', type: 'textarea', label: label('备注', 'Notes'), access: { read: staffOnlyField } },
  ],
}
