import type { Block } from 'payload'

import { EDITOR_NOTE_LABELS } from '@/newsroom/editorNotes'
import { label, option } from '@collections/shared/labels'

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
      options: [option('editorsNote', EDITOR_NOTE_LABELS.editorsNote, "Editor's note"), option('preface', EDITOR_NOTE_LABELS.preface, 'Preface')],
    },
    { name: 'text', type: 'textarea', required: true, label: label('内容', 'Text') },
  ],
}
