import type { BylineRole } from '@/newsroom/bylines'
import type { FieldConfidence } from './confidence'
import type { PageEdition } from './edition'

/**
 * What the importer makes of one page: the JSON `npm run import -- --dry-run --json` prints.
 * Other tools rely on this shape; docs/import.md documents it. Fields may be
 * added, never renamed or removed.
 */
/** A bold or italic span of a paragraph (UTF-16 offsets), as Word copy marks it. */
export type TextMark = { start: number; end: number; bold: boolean; italic: boolean }

export type ImportedBlock =
  | { type: 'paragraph'; text: string; marks?: TextMark[] }
  | { type: 'subhead'; text: string }
  | { type: 'box'; label: string }
  | { type: 'note'; kind: 'preface' | 'editorsNote'; text: string }
  | { type: 'photo'; index: number }

export type ReviewFlagKind = 'jump' | 'interleaved' | 'fragment' | 'misplacedHeadline' | 'uncertainOrder' | 'other'

export type ImportedPhoto = {
  caption: string
  credit: string | null
  creditKind: 'photographer' | 'courtesy' | null
  /** Added field: which of the file's embedded images this is (Word copy); absent on page text, which has none. */
  image?: number | null
}

export type ImportedArticle = {
  column: { name: string; installment: string | null } | null
  kicker: string | null
  title: string
  subtitle: string | null
  bylines: { name: string; role: BylineRole }[]
  photos: ImportedPhoto[]
  subheads: string[]
  paragraphs: string[]
  needsReview: boolean
  warnings: string[]
  /** Added fields: the column's installment parsed (number, part name, sub-series). */
  installment: { number: number | null; partName: string | null; subSeries: string | null } | null
  /** `header` (under the headline) or `trailing` (in brackets at the end of a brief). */
  bylinePosition: 'header' | 'trailing'
  /** Places named in the headline, deck or column label (as printed). */
  regions: string[]
  /** The body in reading order: paragraphs, 小标题, 【】 boxes, 前言/编者按, photos. */
  body: ImportedBlock[]
  /** `warnings` with the kind of uncertainty each is: they become the draft's 待核事项. */
  reviewFlags: { kind: ReviewFlagKind; note: string }[]
  /** Whether the headline is a placeholder an editor must replace. */
  titleIsPlaceholder: boolean
  /** The raw page blocks this article was made from, in page order: nothing is lost. */
  source: string[]
  /**
   * Added field: the dateline the first paragraph opens with (`本报讯(记者 X 通讯员 Y)`), as
   * printed. It stays in the paragraph; its bylines fill `bylines` when none are printed apart.
   */
  dateline: string | null
  /** Added field: the dateline's outlet (本报, 新华社, 湖南日报 …): the draft's 来源. */
  outlet: string | null
  /** Added field: how sure the importer is of each field (src/import/confidence.ts). */
  confidence: FieldConfidence
}

export type PageParse = {
  articles: ImportedArticle[]
  /** Raw blocks that belong to no article (text whose article is on another page). */
  unassigned: string[]
  warnings: string[]
  /** Added field: the edition the page's header or footer line states, and those raw lines (no article's). */
  edition: PageEdition & { source: string[] }
}
