import type { BylineEntry } from '@/newsroom/bylines'
import type { CreditKind } from '@/newsroom/credits'
import type { EditorNoteKind } from '@/newsroom/editorNotes'

export type SeedBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'subhead'; text: string }
  | { type: 'box'; label: string; paragraphs: string[] }
  | { type: 'section'; label: string }
  | { type: 'note'; kind: EditorNoteKind; text: string }
  | { type: 'photo'; photo: string }

export type SeedReviewFlag = {
  kind: 'jump' | 'interleaved' | 'fragment' | 'misplacedHeadline' | 'uncertainOrder' | 'other'
  note: string
}

export type SeedArticle = {
  key: string
  page: '000' | '001'
  status: 'published' | 'draft'
  /** The home page's lead story (头条). */
  headline?: boolean
  articleType: 'news' | 'feature' | 'brief' | 'commentary'
  column: string | null
  installment: { number?: number; partName?: string; subSeries?: string } | null
  kicker: string | null
  title: string
  /** Fragments have no headline on the page: their title is an editor's placeholder, not seed text. */
  titleIsPlaceholder: boolean
  subtitle: string | null
  bylinePosition: 'header' | 'trailing'
  bylines: BylineEntry[]
  leadPhoto: string | null
  regions: string[]
  tags: string[]
  reviewFlags: SeedReviewFlag[]
  body: SeedBlock[]
  /** The page's raw lines this article was built from, verbatim, in page order. */
  source: string[]
}

export type SeedColumn = {
  name: string
  description: string
  numberingStyle: 'circled' | 'chineseParenthesised' | 'ordinalIssue' | 'none'
  partSeparator: 'middleDot' | 'zhi'
  cadence: 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'irregular'
}

export type SeedRegion = { name: string; kind: string; parent?: string }

export type SeedPhoto = { key: string; caption: string; credit: { name: string; kind: CreditKind } }

export type SeedDesk = { name: string; description: string }

export type SeedBylines = { people: string[]; organisations: string[] }

/** A reader-site channel, with what feeds it named as in the other seed files. */
export type SeedChannel = { name: string; slug: string; position: number; desks: string[]; tags: string[]; columns: string[]; regions: string[] }

export type SeedData = {
  articles: SeedArticle[]
  channels: SeedChannel[]
  desks: SeedDesk[]
  columns: SeedColumn[]
  bylines: SeedBylines
  regions: SeedRegion[]
  tags: string[]
  photos: SeedPhoto[]
}
