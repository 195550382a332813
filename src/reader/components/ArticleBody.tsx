import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import type { EditorNoteBlock, LabelledBoxBlock } from '../../../payload-types'
import { EDITOR_NOTE_LABELS } from '../../newsroom/editorNotes'
import { photoOf } from '../presentation'
import { PhotoFigure } from './PhotoFigure'

const paragraphsOf = (text: string | null | undefined) =>
  (text ?? '').split('\n').map((line) => line.trim()).filter(Boolean)

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  upload: ({ node }) => {
    const photo = photoOf((node as { value?: unknown }).value)
    return photo ? <PhotoFigure photo={photo} /> : null
  },
  blocks: {
    labelledBox: ({ node }: { node: { fields: LabelledBoxBlock } }) => {
      const { label, variant, text } = node.fields
      return (
        <section className={`labelled-box labelled-box--${variant}`} aria-label={label}>
          <p className="labelled-box__label">【{label}】</p>
          {paragraphsOf(text).map((paragraph, index) => (
            <p key={index}>{paragraph}</p>
          ))}
        </section>
      )
    },
    editorNote: ({ node }: { node: { fields: EditorNoteBlock } }) => (
      <aside className="editor-note">
        <strong>{EDITOR_NOTE_LABELS[node.fields.kind]}：</strong>
        {node.fields.text}
      </aside>
    ),
  },
})

export function ArticleBody({ body }: { body: unknown }) {
  if (!body) return null
  return <RichText className="article-body" data={body as SerializedEditorState} converters={converters} />
}
