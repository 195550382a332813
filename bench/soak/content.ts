import { paragraphNode, rootNode } from '@/seed/lexical'

type Id = number | string

/** What one save writes, in every field the soak writes; `marker` names the save. */
export type Content = { marker: string; title: string; summary: string; body: string[] }

/**
 * An article an editor works on, and what the server acknowledged for it: a save the server
 * answered 2xx must be there afterwards, exactly, and nothing else may be.
 */
export type ArticleLedger = {
  id: Id
  slug: string
  editor: number
  createdBySoak: boolean
  state: 'draft' | 'published'
  /** The last acknowledged save: what the latest version (drafts included) must hold. */
  latest: Content
  /** The last acknowledged publication, or the article as the dataset published it; null if never published. */
  published: Content | null
  /** When (performance.now()) the server acknowledged that publication; null for the dataset's own. */
  publishedAt: number | null
  /**
   * Markers of the acknowledged saves that must be in the version history, in order: every
   * save, and the last autosave of each run of autosaves (Payload rewrites an autosave
   * version in place while autosaves follow each other, as the admin's do).
   */
  acknowledged: string[]
  /** Markers of every acknowledged autosave; all but the last of each run are overwritten by design. */
  autosaved: string[]
  /** Versions written by workflow steps and publications, which hold a save already acknowledged: they count towards the versions Payload keeps. */
  workflowVersions: number
  /** The pages besides its own that may list the article: its column's and its bylines' (reader paths). */
  listedOn: string[]
  /** A save or transition that got no answer or a 5xx may or may not have happened; the article is left alone after one. */
  unsettled: Content | null
  /** The version the editor's next save is based on, as the admin sends it: the server refuses saves without it. */
  updatedAt: string
}

export const MARKER = /soak-e\d+-\d+/
const FILLER = '本段为浸泡测试写入的正文，用于核对保存后的稿件是否与编辑提交的内容完全一致，一字不差。'.repeat(6)

/** Save `n` of editor `editor`: every field carries its marker, so a field left behind or mixed in shows. */
export function contentFor(editor: number, n: number): Content {
  const marker = `soak-e${editor}-${n}`
  return {
    marker,
    title: `浸泡测试稿件 ${marker}`,
    summary: `${marker}：编辑 ${editor} 的第 ${n} 次保存。`,
    body: [`${marker} 正文第一段。${FILLER}`, FILLER, `${marker} 正文末段。`],
  }
}

/**
 * The request body of a save writing `content`. The headline's other parts are cleared: the
 * dataset's come from the seed pages' text, whose half-width punctuation the 校对 gate would
 * hold up at 终审, and the soak measures saving and publishing, not proofreading.
 */
export function saveBody(content: Content, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ kicker: null, title: content.title, subtitle: null, summary: content.summary, body: rootNode(content.body.map(paragraphNode)), ...extra })
}

type LexicalNode = { text?: string; children?: LexicalNode[] }
const textOf = (node: LexicalNode): string => (node.text ?? '') + (node.children ?? []).map(textOf).join('')

/** The fields the soak writes, as an article (or a version of one) from the REST API holds them. */
export function contentOf(doc: { title?: string | null; summary?: string | null; body?: { root?: LexicalNode } | null }): Content {
  const title = doc.title ?? ''
  return { marker: MARKER.exec(title)?.[0] ?? 'original', title, summary: doc.summary ?? '', body: (doc.body?.root?.children ?? []).map(textOf) }
}

/** The fields in which `actual` differs from `expected`. */
export function fieldsDiffering(actual: Content, expected: Content): string[] {
  const fields: string[] = []
  if (actual.title !== expected.title) fields.push('title')
  if (actual.summary !== expected.summary) fields.push('summary')
  if (actual.body.join('\n') !== expected.body.join('\n')) fields.push('body')
  return fields
}
