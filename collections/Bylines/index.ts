import type { CollectionConfig } from 'payload'

import { proposesPendingBylines } from '@/access/bylines'
import { allowedField, nobodyField, staffOnlyField } from '@/access/rules'
import { findNameProblem, NAME_PROBLEM_MESSAGES } from '@/newsroom/names'
import { readerCacheHooks } from '@collections/shared/hooks/invalidateReaderCache'
import { reindexReferencingArticles } from '@collections/shared/hooks/reindexReferencingArticles'
import { matchPinyinToo } from '@collections/shared/hooks/matchPinyinToo'
import { pinyinFields } from '@collections/shared/pinyinField'
import { label, option, withLabels } from '@collections/shared/labels'
import { slugField } from '@collections/shared/slugField'
import { bylinesAccess } from './access'
import { normaliseName } from './hooks/normaliseName'
import { proposeAsPending } from './hooks/proposeAsPending'
import { refuseDuplicateProposal } from './hooks/refuseDuplicateProposal'

export const BYLINE_KINDS = [
  option('staff', '本报记者', 'Staff journalist'),
  option('correspondent', '通讯员', 'Correspondent'),
  option('contributor', '特约撰稿人', 'Contributing writer'),
  option('photographer', '摄影记者', 'Photographer'),
  option('organisation', '机构', 'Organisation'),
  option('unspecified', '未注明', 'Not stated'),
]

export const Bylines: CollectionConfig = {
  slug: 'bylines',
  labels: { singular: label('署名', 'Byline'), plural: label('署名', 'Bylines') },
  access: bylinesAccess,
  hooks: {
    ...readerCacheHooks,
    beforeOperation: [matchPinyinToo('name')],
    beforeChange: [proposeAsPending, refuseDuplicateProposal],
    afterChange: [...readerCacheHooks.afterChange, reindexReferencingArticles('bylines.byline')],
  },
  admin: {
    // Relationship pickers filter by the title text: this one carries the pinyin too.
    useAsTitle: 'pickerTitle',
    defaultColumns: ['name', 'kind', 'organisation', 'status', 'slug'],
    group: label('内容', 'Content'),
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: label('署名', 'Display name'),
      admin: {
        description: label(
          '个人姓名或机构名称。版面上为对齐而加的空格（如“张 毅”）会自动去掉。',
          'Person or organisation. Padding spaces from print layout (张 毅) are removed.',
        ),
      },
      hooks: { beforeValidate: [normaliseName] },
      validate: (value: unknown) => {
        const problem = findNameProblem(typeof value === 'string' ? value : '')
        return problem ? NAME_PROBLEM_MESSAGES[problem] : true
      },
    },
    ...withLabels(pinyinFields('name'), { pinyin: label('拼音', 'Pinyin') }),
    slugField('bylines', 'name'),
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'unspecified',
      label: label('类别', 'Kind'),
      options: BYLINE_KINDS,
    },
    {
      name: 'organisation',
      type: 'text',
      label: label('所属单位', 'Organisation'),
      admin: { description: label('通讯员、特约撰稿人的单位。', 'The unit a correspondent or contributor works for.') },
    },
    {
      name: 'status',
      type: 'select',
      index: true,
      // What the journalist's create drawer shows; the server forces it whatever is sent (hooks/proposeAsPending).
      defaultValue: ({ user }) => (proposesPendingBylines(user) ? 'pending' : 'confirmed'),
      label: label('状态', 'Status'),
      options: [option('confirmed', '已确认', 'Confirmed'), option('pending', '待确认', 'Pending')],
      access: { create: allowedField('confirmBylines'), update: allowedField('confirmBylines') },
      admin: {
        position: 'sidebar',
        description: label(
          '记者新建的署名为“待确认”：读者看不到，署有它的稿件也不能签发或排期，须由编辑核对姓名、类别和单位后改为“已确认”。',
          'Bylines journalists add stay hidden from readers, and block publishing, until an editor confirms them.',
        ),
      },
    },
    {
      name: 'proposedBy',
      type: 'relationship',
      relationTo: 'users',
      label: label('提出人', 'Proposed by'),
      access: { read: staffOnlyField, create: nobodyField, update: nobodyField },
      admin: { position: 'sidebar', readOnly: true, condition: (data) => Boolean(data?.proposedBy) },
    },
    { name: 'bio', type: 'textarea', label: label('简介', 'Bio') },
    { name: 'avatar', type: 'upload', relationTo: 'photos', label: label('头像', 'Avatar') },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      label: label('关联账号', 'User account'),
      access: { read: staffOnlyField },
      admin: { description: label('仅编辑部可见，不对读者公开。', 'Visible to staff only, never to readers.') },
    },
  ],
}
