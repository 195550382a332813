import type { LinkFields, SerializedAutoLinkNode, SerializedLinkNode } from '@payloadcms/richtext-lexical'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { type JSXConverter, type JSXConvertersFunction, RichText } from '@payloadcms/richtext-lexical/react'

import type { Article, EditorNoteBlock, LabelledBoxBlock } from '@payload-types'
import { EDITOR_NOTE_LABELS } from '@/newsroom/editorNotes'
import { safeLinkHref } from '@/newsroom/safeUrl'
import { photoOf, populated } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'
import { PhotoFigure } from './PhotoFigure'

const paragraphsOf = (text: string | null | undefined) =>
  (text ?? '').split('\n').map((line) => line.trim()).filter(Boolean)

/**
 * Payload's own link converter renders any stored URL, `data:` and `vbscript:` included, and
 * sends internal links to `#`. An internal link goes to the article's reader page when readers
 * can see that article (it is populated only then); a custom one only when its URL is safe.
 */
function linkHref(fields: LinkFields): string | null {
  if (fields.linkType === 'internal') {
    const article = fields.doc?.relationTo === 'articles' ? populated<Article>(fields.doc.value) : null
    return article?.slug ? readerPaths.article(article.slug) : null
  }
  return safeLinkHref(fields.url)
}

// Bodies imported or saved before the editor checked links never passed that check: a link
// readers must not follow keeps its words and loses only its target.
const link: JSXConverter<SerializedLinkNode | SerializedAutoLinkNode> = ({ node, nodesToJSX }) => {
  const children = nodesToJSX({ nodes: node.children })
  const href = linkHref(node.fields)
  if (!href) return <>{children}</>
  const newTab = node.fields.newTab ? { target: '_blank', rel: 'noopener noreferrer' } : {}
  return (
    <a href={href} {...newTab}>
      {children}
    </a>
  )
}

const converters: JSXConvertersFunction = ({ defaultConverters }) => ({
  ...defaultConverters,
  link,
  autolink: link,
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
