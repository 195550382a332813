import type { Block } from 'payload'

import { label, option } from '../../shared/labels'

export const EDITOR_NOTE_KINDS = { editorsNote: '编者按', preface: '前言' } as const

export const EditorNote: Block = {
  slug: 'editorNote',
  interfaceName: 'EditorNoteBlock',
  labels: { singular: label('编者按/前言', "Editor's note"), plural: label('编者按/前言', "Editor's notes") },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'editorsNote',
      label: label('类型', 'Kind'),
      options: [option('editorsNote', '编者按', "Editor's note"), option('preface', '前言', 'Preface')],
    },
    { name: 'text', type: 'textarea', required: true, label: label('内容', 'Text') },
  ],
}
