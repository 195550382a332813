import type { DocumentId } from '@/data/relationId'
/**
 * Builders for the Lexical JSON Payload stores, so seed and importer code can describe a
 * body as paragraphs, headings and blocks instead of hand-writing editor state.
 */
type LexicalNode = Record<string, unknown>

const base = { format: '', indent: 0, version: 1, direction: 'ltr' as const }

const textNode = (text: string): LexicalNode => ({
  type: 'text',
  text,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
  version: 1,
})

export const paragraphNode = (text: string): LexicalNode => ({
  ...base,
  type: 'paragraph',
  textFormat: 0,
  textStyle: '',
  children: [textNode(text)],
})

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
