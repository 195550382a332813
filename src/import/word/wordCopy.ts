import { EMBEDDED_OBJECT } from '../blocks'
import type { PageParse, TextMark } from '../types'
import type { WordBlock } from './readWordDocument'

/**
 * Word copy as the page importer reads it: one block per heading, paragraph, list item or table
 * row, blank lines between them, each image where it stands as Unicode's object replacement
 * character (what Word's own plain text puts there). The same headline, byline and dateline
 * recognition then runs on it as on page text; what Word knows besides is kept beside the text:
 * which lines were styled as headings, and which spans were bold or italic.
 */
export type WordCopy = { text: string; headlines: string[]; bodyLines: string[]; formatting: Map<string, TextMark[]> }

const listMark = (block: Extract<WordBlock, { kind: 'listItem' }>) => `${'　'.repeat(block.depth)}${block.ordered ? `${block.number}. ` : '• '}`

export function wordCopyOf(blocks: WordBlock[]): WordCopy {
  const lines: string[] = []
  const headlines: string[] = []
  const bodyLines: string[] = []
  const formatting = new Map<string, TextMark[]>()
  for (const block of blocks) {
    if (block.kind === 'image') {
      lines.push(EMBEDDED_OBJECT)
      continue
    }
    const prefix = block.kind === 'listItem' ? listMark(block) : ''
    const text = `${prefix}${block.text.trim()}`
    const shift = prefix.length - (block.text.length - block.text.trimStart().length)
    lines.push(text)
    // Only the first level is the story's headline; lower levels are its 小标题.
    if (block.kind === 'heading' && block.level === 1) headlines.push(text)
    if (block.kind === 'listItem' || block.kind === 'tableRow') bodyLines.push(text)
    const marks = block.marks.map((mark) => ({ ...mark, start: Math.max(prefix.length, mark.start + shift), end: Math.min(text.length, mark.end + shift) })).filter((mark) => mark.end > mark.start)
    if (marks.length > 0) formatting.set(text, marks)
  }
  return { text: lines.join('\n\n'), headlines, bodyLines, formatting }
}

/** Bold and italic spans back on the paragraphs the importer made, where a paragraph is still the text Word had. */
export function withFormatting(parse: PageParse, formatting: Map<string, TextMark[]>): PageParse {
  if (formatting.size === 0) return parse
  return {
    ...parse,
    articles: parse.articles.map((article) => ({
      ...article,
      body: article.body.map((block) => (block.type === 'paragraph' && formatting.has(block.text) ? { ...block, marks: formatting.get(block.text) } : block)),
    })),
  }
}
