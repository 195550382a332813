import type { Article } from '@payload-types'
import { webHeadlineOf } from './headlines'
import { lexicalToPlainText } from './lexicalText'

export { type LexicalNode, lexicalToPlainText } from './lexicalText'

const EXCERPT_LENGTH = 120

/** Summary, else the opening of the body: what feeds and link previews show under the headline. */
export function excerptOf(article: Pick<Article, 'summary' | 'body' | 'subtitle' | 'title' | 'webTitle'>): string {
  const summary = article.summary?.trim()
  if (summary) return summary
  const text = lexicalToPlainText(article.body).replace(/\s+/g, ' ').trim()
  // Count code points, not UTF-16 units, so an astral character is never cut in half.
  const chars = Array.from(text)
  if (chars.length > EXCERPT_LENGTH) return `${chars.slice(0, EXCERPT_LENGTH).join('')}…`
  // Some readers list items without a description as blank; the headline beats nothing.
  return text || article.subtitle?.trim() || webHeadlineOf(article)
}
