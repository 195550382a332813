import type { Block } from 'payload'

import { label, option } from '@collections/shared/labels'

/** 【数说新化】-style boxes: a data box of figures, or a label that opens a section. */
export const LabelledBox: Block = {
  slug: 'labelledBox',
  interfaceName: 'LabelledBoxBlock',
  labels: { singular: label('标签框', 'Labelled box'), plural: label('标签框', 'Labelled boxes') },
  fields: [
    {
      name: 'label',
      type: 'text',
      required: true,
      label: label('标签（不含【】）', 'Label (without 【】)'),
      validate: (value: unknown) =>
        typeof value === 'string' && /[【】]/u.test(value) ? '标签中不要输入【】，显示时会自动加上' : true,
    },
    {
      name: 'variant',
      type: 'select',
      required: true,
      defaultValue: 'box',
      label: label('样式', 'Variant'),
      options: [option('box', '资料框（如【数说新化】）', 'Box'), option('section', '栏目标签（开启一个部分）', 'Section label')],
    },
    {
      name: 'text',
      type: 'textarea',
      label: label('内容（每行一段）', 'Text (one paragraph per line)'),
    },
  ],
}
