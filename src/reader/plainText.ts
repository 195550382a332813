import type { Article, EditorNoteBlock, LabelledBoxBlock } from '../../payload-types'
import { EDITOR_NOTE_LABELS } from '../newsroom/editorNotes'

export type LexicalNode = { type?: string; text?: string; children?: LexicalNode[]; fields?: Record<string, unknown>; value?: unknown }

const inline = (node: LexicalNode): string => {
  if (node.type === 'linebreak') return '\n'
  if (node.type === 'tab') return '\t'
  if (typeof node.text === 'string') return node.text
  return (node.children ?? []).map(inline).join('')
}

/** One line per list item; a nested list is a child of an item and follows that item's own text. */
const listLines = (list: LexicalNode): string[] =>
  (list.children ?? []).flatMap((item) => {
    const children = item.children ?? []
    const own = inline({ children: children.filter((child) => child.type !== 'list') })
    return [own, ...children.filter((child) => child.type === 'list').flatMap(listLines)]
  })

const lines = (text: string | null | undefined) => (text ?? '').split('\n')

/** Each string is one paragraph of the plain-text body; blocks read as the reader page prints them. */
function paragraphsOf(node: LexicalNode): string[] {
  switch (node.type) {
    case 'list':
      return [listLines(node).filter((line) => line.trim()).join('\n')]
    case 'block': {
      const fields = node.fields as Partial<LabelledBoxBlock> | Partial<EditorNoteBlock> | undefined
      if (fields?.blockType === 'labelledBox') return [`【${fields.label ?? ''}】`, ...lines(fields.text)]
      if (fields?.blockType === 'editorNote' && fields.kind) return [`${EDITOR_NOTE_LABELS[fields.kind]}：${fields.text ?? ''}`]
      return []
    }
    // Photos travel as picture associations, with their captions, not as body text.
    case 'upload':
    case 'horizontalrule':
      return []
    default:
      return [inline(node)]
  }
}

/**
 * Plain text, paragraphs separated by blank lines. Not Payload's convertLexicalToPlaintext: it
 * runs a quote into the paragraph before it and leaves separators to each custom block converter.
 */
export function lexicalToPlainText(body: Article['body']): string {
  const paragraphs = ((body?.root?.children ?? []) as LexicalNode[]).flatMap(paragraphsOf)
  return paragraphs.map((paragraph) => paragraph.trim()).filter(Boolean).join('\n\n')
}

const EXCERPT_LENGTH = 120

/** Summary, else the opening of the body: what feeds and link previews show under the headline. */
export function excerptOf(article: Pick<Article, 'summary' | 'body' | 'subtitle' | 'title'>): string {
  const summary = article.summary?.trim()
  if (summary) return summary
  const text = lexicalToPlainText(article.body).replace(/\s+/g, ' ').trim()
  // Count code points, not UTF-16 units, so an astral character is never cut in half.
  const chars = Array.from(text)
  if (chars.length > EXCERPT_LENGTH) return `${chars.slice(0, EXCERPT_LENGTH).join('')}…`
  // Some readers list items without a description as blank; the headline beats nothing.
  return text || article.subtitle?.trim() || article.title
}
