import type { DocumentId } from '@/data/relationId'
/**
 * Builders for the Lexical JSON Payload stores, so seed and importer code can describe a
 * body as paragraphs, headings and blocks instead of hand-writing editor state.
 */
type LexicalNode = Record<string, unknown>

const base = { format: '', indent: 0, version: 1, direction: 'ltr' as const }

/** Lexical's text format bits. */
const BOLD = 1
const ITALIC = 2

const textNode = (text: string, format = 0): LexicalNode => ({
  type: 'text',
  text,
  format,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

type Mark = { start: number; end: number; bold: boolean; italic: boolean }

/** The text cut at every mark's edge, each piece with the marks that cover it. */
function markedText(text: string, marks: Mark[]): LexicalNode[] {
  const cuts = [...new Set([0, text.length, ...marks.flatMap((mark) => [mark.start, mark.end])])].filter((at) => at >= 0 && at <= text.length).sort((a, b) => a - b)
  return cuts.slice(0, -1).map((start, index) => {
    const end = cuts[index + 1]
    const covering = marks.filter((mark) => mark.start <= start && mark.end >= end)
    return textNode(text.slice(start, end), (covering.some((mark) => mark.bold) ? BOLD : 0) | (covering.some((mark) => mark.italic) ? ITALIC : 0))
  })
}

const paragraphOf = (children: LexicalNode[]): LexicalNode => ({ ...base, type: 'paragraph', textFormat: 0, textStyle: '', children })

export const paragraphNode = (text: string): LexicalNode => paragraphOf([textNode(text)])

/** A paragraph with bold and italic spans (UTF-16 offsets), as Word copy has them. */
export const markedParagraphNode = (text: string, marks: Mark[]): LexicalNode => paragraphOf(marks.length > 0 ? markedText(text, marks) : [textNode(text)])

export const headingNode = (text: string, tag: 'h2' | 'h3' = 'h2'): LexicalNode => ({
  ...base,
  type: 'heading',
  tag,
  children: [textNode(text)],
})

export const blockNode = (blockType: string, fields: Record<string, unknown>): LexicalNode => ({
  type: 'block',
  format: '',
  version: 2,
  fields: { blockType, blockName: '', ...fields },
})

export const uploadNode = (relationTo: string, id: DocumentId): LexicalNode => ({
  type: 'upload',
  format: '',
  version: 3,
  relationTo,
  value: id,
  fields: {},
})

export const rootNode = (children: LexicalNode[]) => ({
  root: { ...base, type: 'root', children },
})
