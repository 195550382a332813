import type { ImportedArticle, ReviewFlagKind } from './types'

/**
 * How sure the importer is of each field it filled, from 0 to 1: what the page's form makes
 * certain (a headline with its deck and byline under it) scores high; what it guessed (a
 * headline found inside the body, bylines only in a dateline, text joined across other text)
 * scores low, and the admin's preview lists those fields for the editor to check. Null: the
 * page has no such field for this article.
 */
export type FieldConfidence = { title: number; kicker: number | null; subtitle: number | null; bylines: number; column: number | null; body: number }

/** How the headline was found. */
export type TitleSource = 'heading' | 'brief' | 'misplaced' | 'placeholder'

/** Below this the preview names the field as one to check. */
export const LOW_CONFIDENCE = 0.7

export const CONFIDENCE_LABELS: Record<keyof FieldConfidence, string> = { title: '标题', kicker: '引题', subtitle: '副题', bylines: '署名', column: '栏目', body: '正文' }

const TITLE: Record<TitleSource, number> = { heading: 0.95, brief: 0.85, misplaced: 0.5, placeholder: 0 }
/** Review flags that say the body's order or extent is a guess. */
const BODY_DOUBTS: ReadonlySet<ReviewFlagKind> = new Set(['jump', 'interleaved', 'uncertainOrder', 'fragment'])

export function fieldConfidence(article: ImportedArticle, found: { titleFrom: TitleSource; bylinesFrom: 'dateline' | null }): FieldConfidence {
  const bylines =
    article.bylines.length === 0
      ? // No byline at all: it may be on another page, or the piece may be signed only by the desk.
        0.4
      : found.bylinesFrom === 'dateline'
        ? 0.85
        : article.bylinePosition === 'trailing'
          ? 0.9
          : 0.95
  const doubts = article.reviewFlags.filter((flag) => BODY_DOUBTS.has(flag.kind)).length
  return {
    title: article.titleIsPlaceholder ? 0 : TITLE[found.titleFrom],
    // A 引题 is recognised by its shape alone: two short lines over a deck or byline.
    kicker: article.kicker ? 0.8 : null,
    subtitle: article.subtitle ? 0.95 : null,
    bylines,
    column: article.column ? (article.installment?.number != null || article.installment?.partName ? 0.95 : 0.85) : null,
    body: article.paragraphs.length === 0 ? 0.3 : doubts > 0 ? 0.5 : 0.95,
  }
}

/** The fields of an article the editor should check, in the order the preview lists them. */
export function lowConfidenceFields(confidence: FieldConfidence): (keyof FieldConfidence)[] {
  return (Object.keys(CONFIDENCE_LABELS) as (keyof FieldConfidence)[]).filter((field) => confidence[field] !== null && confidence[field] < LOW_CONFIDENCE)
}
