import { EDITOR_NOTE_LABELS, type EditorNoteKind } from './editorNotes'

/**
 * The article body's text as printed, read from its Lexical JSON. Pure, so the server (search,
 * feeds, 字数) and the browser (the editor's live 字数) read the same text.
 */
export type LexicalNode = { type?: string; text?: string; children?: LexicalNode[]; fields?: Record<string, unknown>; value?: unknown }

/** The stored body, structurally: Payload's generated type and the admin form's value both fit. */
export type LexicalBody = { root?: { children?: readonly unknown[] } | null } | null | undefined

type BodyBlockFields = { blockType?: string; label?: string | null; text?: string | null; kind?: EditorNoteKind | null }

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
      const fields = node.fields as BodyBlockFields | undefined
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
export function lexicalToPlainText(body: LexicalBody): string {
  const paragraphs = ((body?.root?.children ?? []) as LexicalNode[]).flatMap(paragraphsOf)
  return paragraphs.map((paragraph) => paragraph.trim()).filter(Boolean).join('\n\n')
}
