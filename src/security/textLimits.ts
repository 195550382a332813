/**
 * How long each text field of the newsroom may be, in characters as readers count them:
 * Unicode code points, so a character outside the BMP (𠀋, common in names) is one, like 党.
 *
 * Without a limit a 1 MB headline took 4–5 s to save and a 3 MB one exhausted the heap:
 * pinyin-pro builds one string per character to make the slug (≈2.4 s and 100–200 MB of heap
 * per MB), and the search index one token per character (≈1.1 s per MB); a 10 MB standfirst
 * overflowed V8's regular-expression stack in the search tokenizer (src/search/tokens.ts).
 * The limits below are far above what the paper prints and far below those sizes.
 *
 * The figures come from the paper's own pages: a full broadsheet page of the seed
 * (src/seed/pages/000.txt, 001.txt) holds 7,000–7,600 characters, its longest headline is 33,
 * its longest paragraph 330 and its longest review note 100 characters.
 */

/** Names and labels set on one line: a column, tag, place, page, box label, kicker, part name. */
const NAME = 100
/** 主题、副题: six times the seed's longest headline, room for a two-line display headline. */
const HEADLINE = 200
/** 导语、图片说明、简介、更正、撤稿说明: a standfirst runs to a few hundred characters. */
const STANDFIRST = 2_000
/** Internal notes and comments, which may quote a passage of the story. */
const NOTE = 5_000
const SLUG = 200
/** Source keys (`import:<page>:<n>:photo:<m>`) and once-keys (article, action, planned time). */
const KEY = 300
/** Alt text describes a news photo in a sentence or two. */
const ALT = 300
/** Derived from a name of at most NAME characters: up to six letters of pinyin per character plus initials. */
const PINYIN = 1_000
/** Byline names: the same bound src/newsroom/names.ts applies to print names. */
const BYLINE_NAME = 40
/** `湖南省 › 长沙市 › …`: a place and at most nine above it (buildRegionPath's depth), joined by ` › `. */
const REGION_PATH = 10 * NAME + 9 * ' › '.length
/** `,12,34,`: the ids of an article's bylines or photos, kept by hooks for access rules to query; 400 MongoDB ids. */
const ID_LIST = 10_000
/** File systems' own limit on a file's name (255 bytes on ext4 and NTFS). */
const FILE_NAME = 255
/** The most characters a page file can hold: 2 MB of UTF-8 (PAGE_LIMITS.maxBytes). */
const PAGE_TEXT = 2 * 1024 * 1024
/** sitemaps.org's protocol refuses longer URLs ("must be less than 2,048 characters"). */
export const MAX_URL_LENGTH = 2_048

/** Every text field the newsroom's collections configure, by collection and data path. */
export const TEXT_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  articles: {
    kicker: NAME,
    title: HEADLINE,
    subtitle: HEADLINE,
    summary: STANDFIRST,
    'installment.partName': NAME,
    'installment.subSeries': NAME,
    'print.pageName': NAME,
    webTitle: HEADLINE,
    'seo.title': HEADLINE,
    'seo.description': STANDFIRST,
    'corrections.note': STANDFIRST,
    'retraction.notice': STANDFIRST,
    'reviewFlags.note': NOTE,
    responsibleEditor: BYLINE_NAME,
    outlet: NAME,
    'reviewSigners.first': NAME,
    'reviewSigners.second': NAME,
    'reviewSigners.final': NAME,
    creditedBylines: ID_LIST,
    usedPhotos: ID_LIST,
    slug: SLUG,
    sourceKey: KEY,
  },
  columns: { name: NAME, pinyin: PINYIN, pickerTitle: PINYIN, slug: SLUG, description: STANDFIRST },
  installments: { workingTitle: HEADLINE, notes: NOTE },
  bylines: { name: BYLINE_NAME, pinyin: PINYIN, pickerTitle: PINYIN, slug: SLUG, organisation: NAME, bio: STANDFIRST },
  photos: { sourceKey: KEY, alt: ALT, caption: STANDFIRST, creditText: NAME },
  tags: { name: NAME, slug: SLUG, description: STANDFIRST },
  regions: { name: NAME, slug: SLUG, path: REGION_PATH },
  'editorial-comments': { body: NOTE },
  'workflow-events': { note: NOTE, onceKey: KEY, version: KEY, contentHash: KEY },
  users: { name: NAME },
  'proofreading-terms': { term: NAME, exceptions: NAME, suggestion: NAME, category: NAME, note: STANDFIRST, source: STANDFIRST },
  'proofreading-waivers': { key: NOTE, category: NAME, field: NAME, text: STANDFIRST, message: STANDFIRST, reason: STANDFIRST },
  // A block of page text no draft took is kept whole, however long: a page file is at most 2 MB (PAGE_LIMITS).
  // 'YYYY-MM-DD', written by the view counter alone.
  'article-views': { day: 10 },
  'page-imports': { fileName: FILE_NAME, pageKey: KEY, pageName: NAME, 'unassigned.text': PAGE_TEXT, 'warnings.text': NOTE },
}

/** The article body's blocks, by block slug and field. */
export const BODY_BLOCK_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  labelledBox: { label: NAME, text: NOTE },
  editorNote: { text: STANDFIRST },
}

/**
 * The article body. 50,000 characters is six to seven full broadsheet pages of text, more than
 * the longest series installment or special report runs. At the seed's ~100 characters a
 * paragraph that is 500 paragraphs; 5,000 nodes leaves ten per paragraph for bold runs, links
 * and list items. Depth 12 holds root, lists nested four deep (list › item each), a link and
 * its text, and keeps every walk over the tree far from the stack's limit.
 */
export const RICH_TEXT_LIMITS = { characters: 50_000, nodes: 5_000, depth: 12 } as const

/** Fields Payload adds itself (auth, uploads, array rows), which no collection config lists. */
const PAYLOAD_FIELD_LIMITS: Readonly<Record<string, number>> = {
  /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets including the angle brackets. */
  email: 254,
  /** The longest file name common file systems (ext4, APFS, NTFS) store. */
  filename: 255,
  /** RFC 6838 §4.2: type and subtype names are at most 127 characters each. */
  mimeType: 255,
  /** Payload's row ids are 24 hexadecimal digits. */
  id: 64,
}
/** Anything else (a field added without a table entry): bounded, generously. */
const FALLBACK_LIMITS: Readonly<Record<string, number>> = { text: MAX_URL_LENGTH, email: 254, textarea: NOTE, code: NOTE }

type LimitedField = { name: string; type: string; label?: unknown; maxLength?: number }

/** Counts surrogate pairs instead of spreading the string, which would copy a 3 MB headline into 3 million strings. */
export function codePointCount(text: string): number {
  let count = text.length
  for (let index = 0; index < text.length - 1; index += 1) {
    const unit = text.charCodeAt(index)
    if (unit >= 0xd800 && unit <= 0xdbff && isLowSurrogate(text.charCodeAt(index + 1))) {
      count -= 1
      index += 1
    }
  }
  return count
}

export function textLimitOf(field: LimitedField): number {
  return field.maxLength ?? PAYLOAD_FIELD_LIMITS[field.name] ?? FALLBACK_LIMITS[field.type] ?? MAX_URL_LENGTH
}

/** The label editors see (the Chinese one), or the field's name. */
export function chineseLabelOf(field: { name: string; label?: unknown }): string {
  const { label } = field
  if (typeof label === 'string' && label) return label
  if (label && typeof label === 'object' && !Array.isArray(label)) {
    const { zh, en } = label as Record<string, unknown>
    if (typeof zh === 'string') return zh
    if (typeof en === 'string') return en
  }
  return field.name
}

export function overLimitMessage(label: string, limit: number, count: number): string {
  return `${label}最多 ${limit} 个字，现有 ${count} 个字（at most ${limit} characters）`
}

/** Why a text value is too long for its field, or null. */
export function textLimitProblem(value: unknown, field: LimitedField, limit = textLimitOf(field)): string | null {
  for (const text of Array.isArray(value) ? value : [value]) {
    // Comparing code units first spares counting every text that is obviously short enough.
    if (typeof text !== 'string' || text.length <= limit) continue
    const count = codePointCount(text)
    if (count > limit) return overLimitMessage(chineseLabelOf(field), limit, count)
  }
  return null
}

/** Names longer than any name's limit are refused on save: hooks need not spend time on the rest. */
export const LONGEST_NAME = NAME

/** The first `count` characters (code points) of a text, without walking the rest of it. */
export function leadingCharacters(text: string, count: number): string {
  let end = 0
  for (let seen = 0; seen < count && end < text.length; seen += 1) {
    const unit = text.charCodeAt(end)
    const pairs = unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length && isLowSurrogate(text.charCodeAt(end + 1))
    end += pairs ? 2 : 1
  }
  return text.slice(0, end)
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff
}
