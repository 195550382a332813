import type { Field } from 'payload'

import { allowedField, nobodyField, staffOnlyField } from '@/access/rules'
import { label } from '@collections/shared/labels'
import { workflowOwned } from './serverOwnedFields'

/**
 * Who answers for the article before readers and the desk: the 责任编辑 line printed under the
 * text, the names of the 三审 signers (written by the workflow as each signs, for the reader
 * page and feeds to print without reading the workflow history), and who made each save (kept
 * in every version, so 修改留痕 can say who changed what).
 */
export const reviewFields: Field[] = [
  {
    name: 'responsibleEditor',
    type: 'text',
    label: label('责任编辑', 'Responsible editor'),
    access: { create: allowedField('manageArticles'), update: allowedField('manageArticles') },
    admin: {
      position: 'sidebar',
      description: label('印在正文末尾的“（责任编辑：×××）”。留空则用初审签字人的姓名。', 'Printed after the text; defaults to the 初审 signer.'),
    },
  },
  {
    name: 'reviewSigners',
    type: 'group',
    label: label('三审签字人', 'Review signers'),
    access: workflowOwned,
    admin: { hidden: true },
    fields: [
      { name: 'first', type: 'text', label: label('初审', 'First review') },
      { name: 'second', type: 'text', label: label('复审', 'Second review') },
      { name: 'final', type: 'text', label: label('终审', 'Final review') },
    ],
  },
  {
    name: 'savedBy',
    type: 'relationship',
    relationTo: 'users',
    label: label('保存人', 'Saved by'),
    access: { read: staffOnlyField, create: nobodyField, update: nobodyField },
    admin: { hidden: true },
  },
]
