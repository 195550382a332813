import type { CollectionConfig } from 'payload'

import { RECORDED_SAVES, type RecordedSave, WORKFLOW_ACTION_RULES, WORKFLOW_ACTIONS } from '@/newsroom/workflow'
import { label, option } from '@collections/shared/labels'
import { workflowStateOptions } from '@collections/shared/workflowStateOptions'
import { workflowEventsAccess } from './access'

export const WorkflowEvents: CollectionConfig = {
  slug: 'workflow-events',
  labels: { singular: label('流程记录', 'Workflow event'), plural: label('流程记录', 'Workflow history') },
  access: workflowEventsAccess,
  admin: {
    useAsTitle: 'action',
    defaultColumns: ['createdAt', 'article', 'action', 'from', 'to', 'actor', 'note'],
    group: label('系统', 'System'),
  },
  defaultSort: '-createdAt',
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, label: label('稿件', 'Article') },
    {
      name: 'action',
      type: 'select',
      required: true,
      label: label('操作', 'Action'),
      options: [
        ...WORKFLOW_ACTIONS.map((action) => option(action, WORKFLOW_ACTION_RULES[action].label, action)),
        ...(Object.keys(RECORDED_SAVES) as RecordedSave[]).map((save) => option(save, RECORDED_SAVES[save].zh, RECORDED_SAVES[save].en)),
      ],
    },
    { name: 'from', type: 'select', required: true, label: label('原状态', 'From'), options: workflowStateOptions },
    { name: 'to', type: 'select', required: true, label: label('新状态', 'To'), options: workflowStateOptions },
    { name: 'actor', type: 'relationship', relationTo: 'users', label: label('操作人', 'By') },
    { name: 'note', type: 'textarea', label: label('说明', 'Note') },
    {
      // One key per scheduled action (article, action, planned time): the unique index lets
      // exactly one scheduler run claim it, on every database, whatever the isolation level.
      name: 'onceKey',
      type: 'text',
      unique: true,
      index: true,
      label: label('唯一执行标识', 'Once key'),
      admin: { hidden: true },
    },
  ],
}
