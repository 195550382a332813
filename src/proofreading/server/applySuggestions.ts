import type { Article } from '@payload-types'
import type { LexicalBody } from '@/newsroom/lexicalText'
import { replaceInLexicalText } from '@/newsroom/lexicalTextEdit'
import type { Finding } from '../findings'

/** Fields whose text is the article's own and can take a suggestion; captions live on the photos. */
const PLAIN_FIELDS = new Set(['kicker', 'title', 'subtitle', 'webTitle', 'summary'])

export type Applied = { data: Partial<Article>; applied: Finding[]; skipped: Finding[] }

/**
 * The article's fields with the findings' suggestions put in, from the last finding of each
 * field to the first so that earlier offsets stay true. A finding without a suggestion, one that
 * overlaps another, or one in text the body's plain form adds is skipped, not guessed at.
 */
export function applySuggestions(article: Article, findings: readonly Finding[]): Applied {
  const data: Record<string, unknown> = {}
  const applied: Finding[] = []
  const skipped: Finding[] = []
  const byField = new Map<string, Finding[]>()
  for (const finding of findings) byField.set(finding.field, [...(byField.get(finding.field) ?? []), finding])
  for (const [field, list] of byField) {
    let value: unknown = field === 'body' ? article.body : (article as unknown as Record<string, unknown>)[field]
    let lowestTouched = Infinity
    for (const finding of [...list].sort((a, b) => b.offset - a.offset)) {
      const editable = field === 'body' || PLAIN_FIELDS.has(field)
      if (finding.suggestion === null || !editable || finding.offset + finding.length > lowestTouched) {
        skipped.push(finding)
        continue
      }
      const next =
        field === 'body'
          ? replaceInLexicalText(value as LexicalBody, finding.offset, finding.length, finding.suggestion)
          : `${String(value ?? '').slice(0, finding.offset)}${finding.suggestion}${String(value ?? '').slice(finding.offset + finding.length)}`
      if (next === null) {
        skipped.push(finding)
        continue
      }
      value = next
      lowestTouched = finding.offset
      applied.push(finding)
    }
    if (applied.some((finding) => finding.field === field)) data[field] = value
  }
  return { data: data as Partial<Article>, applied, skipped }
}
