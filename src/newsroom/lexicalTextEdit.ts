import { EDITOR_NOTE_LABELS, type EditorNoteKind } from './editorNotes'
import type { LexicalBody, LexicalNode } from './lexicalText'

/**
 * Replaces a span of the body's plain text (lexicalToPlainText's, in UTF-16 offsets, as the
 * 校对 checker reports them) in the Lexical JSON itself: the text nodes and block fields that
 * printed those characters are edited, their formatting kept. Text the plain form adds (the
 * blank line between paragraphs, 【】 around a box label, 编者按：) cannot be edited this way.
 */
type Source = { owner: Record<string, unknown>; key: string }
/** One UTF-16 unit of the plain text: where it came from, or null when the plain form added it. */
type Atom = { unit: string; source: Source | null; index: number }

const atomsOf = (text: string, source: Source | null): Atom[] => [...Array(text.length).keys()].map((index) => ({ unit: text[index], source, index }))

function inlineAtoms(node: LexicalNode): Atom[] {
  if (node.type === 'linebreak') return atomsOf('\n', null)
  if (node.type === 'tab') return atomsOf('\t', null)
  if (typeof node.text === 'string') return atomsOf(node.text, { owner: node as Record<string, unknown>, key: 'text' })
  return (node.children ?? []).flatMap(inlineAtoms)
}

function listLineAtoms(list: LexicalNode): Atom[][] {
  return (list.children ?? []).flatMap((item) => {
    const children = item.children ?? []
    const own = inlineAtoms({ children: children.filter((child) => child.type !== 'list') })
    return [own, ...children.filter((child) => child.type === 'list').flatMap(listLineAtoms)]
  })
}

const joined = (parts: Atom[][], separator: string): Atom[] => parts.flatMap((part, index) => (index === 0 ? part : [...atomsOf(separator, null), ...part]))
const isBlank = (atoms: Atom[]) => atoms.every((atom) => /\s/.test(atom.unit))

/** Mirrors lexicalText's paragraphsOf, paragraph for paragraph. */
function paragraphAtoms(node: LexicalNode): Atom[][] {
  switch (node.type) {
    case 'list':
      return [joined(listLineAtoms(node).filter((line) => !isBlank(line)), '\n')]
    case 'block': {
      const fields = node.fields as { blockType?: string; label?: string | null; text?: string | null; kind?: EditorNoteKind | null } | undefined
      if (!fields) return []
      const field = (key: 'label' | 'text') => atomsOf(fields[key] ?? '', { owner: fields as Record<string, unknown>, key })
      if (fields.blockType === 'labelledBox') {
        const lines: Atom[][] = [[]]
        for (const atom of field('text')) {
          if (atom.unit === '\n') lines.push([])
          else lines.at(-1)!.push(atom)
        }
        return [[...atomsOf('【', null), ...field('label'), ...atomsOf('】', null)], ...lines]
      }
      if (fields.blockType === 'editorNote' && fields.kind) return [[...atomsOf(`${EDITOR_NOTE_LABELS[fields.kind]}：`, null), ...field('text')]]
      return []
    }
    case 'upload':
    case 'horizontalrule':
      return []
    default:
      return [inlineAtoms(node)]
  }
}

function trimmed(atoms: Atom[]): Atom[] {
  let start = 0
  let end = atoms.length
  while (start < end && /\s/.test(atoms[start].unit)) start += 1
  while (end > start && /\s/.test(atoms[end - 1].unit)) end -= 1
  return atoms.slice(start, end)
}

/** The body's plain text as atoms: joining their units gives lexicalToPlainText(body) exactly. */
export function plainTextAtoms(body: LexicalBody): Atom[] {
  const paragraphs = ((body?.root?.children ?? []) as LexicalNode[]).flatMap(paragraphAtoms).map(trimmed).filter((atoms) => atoms.length > 0)
  return joined(paragraphs, '\n\n')
}

/**
 * A copy of the body with plain-text span [offset, offset + length) replaced, or null when the
 * span is not all editable text (it crosses a paragraph break or text the plain form adds).
 * A span over several text nodes (a bold word inside it) puts the replacement in the first.
 */
export function replaceInLexicalText(body: LexicalBody, offset: number, length: number, replacement: string): LexicalBody | null {
  const copy = structuredClone(body) as LexicalBody
  const atoms = plainTextAtoms(copy)
  if (offset < 0 || offset + length > atoms.length) return null
  const span = atoms.slice(offset, offset + Math.max(length, 1))
  if (length === 0 || span.some((atom) => atom.source === null)) return null
  const bySource = new Map<Source, { from: number; to: number }>()
  for (const atom of span) {
    const range = bySource.get(atom.source!) ?? { from: atom.index, to: atom.index + 1 }
    bySource.set(atom.source!, { from: Math.min(range.from, atom.index), to: Math.max(range.to, atom.index + 1) })
  }
  ;[...bySource.entries()].forEach(([source, range], index) => {
    const text = String(source.owner[source.key] ?? '')
    source.owner[source.key] = text.slice(0, range.from) + (index === 0 ? replacement : '') + text.slice(range.to)
  })
  return copy
}
