import type { CollectionConfig } from 'payload'

import { RECORDED_SAVES, type RecordedSave, WORKFLOW_ACTION_RULES, WORKFLOW_ACTIONS } from '@/newsroom/workflow'
import { label, option } from '@collections/shared/labels'
import { reviewLevelOptions, workflowStateOptions } from '@collections/shared/workflowStateOptions'
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
    { name: 'note', type: 'textarea', label: label('说明（审稿意见）', 'Note') },
    // A signature or a return: the level it was given at, in which round, and the exact text it covered.
    { name: 'level', type: 'select', index: true, label: label('审级', 'Review level'), options: reviewLevelOptions },
    { name: 'round', type: 'number', label: label('审稿轮次', 'Review round') },
    { name: 'version', type: 'text', label: label('所签版本', 'Version signed') },
    { name: 'contentHash', type: 'text', label: label('内容指纹（SHA-256）', 'Content hash (SHA-256)') },
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
