import { chineseNumber } from './labels'

/**
 * The print edition a page belongs to: 见报日期, 版次, 版名. Page text exported from a
 * laid-out page sometimes keeps the page's header or footer line (`2025年11月13日 星期四
 * 第05版：县域新闻`, `版次：5  版名：县域新闻`); the seed pages do not. What the header says
 * prefills the import form; the editor confirms or supplies the rest. Pure, no Payload.
 */
export type PageEdition = { date: string | null; pageNumber: number | null; pageName: string | null }
export type Edition = { date: string; pageNumber: number; pageName: string }

/** Where a header or footer can sit: the first blocks of the page and its last ones. */
const HEADER_BLOCKS = 3
const FOOTER_BLOCKS = 2
const MAX_HEADER_CHARS = 80
export const MAX_PAGE_NUMBER = 999
/** The article's 版名 field allows as much (src/security/textLimits.ts, NAME). */
export const MAX_PAGE_NAME_CHARS = 100

const DATE_PATTERNS = [/(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u, /(?<!\d)(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/u]
const PAGE_ORDINAL = /第\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})\s*版(?:\s*[:：·]?\s*(\p{Script=Han}[\p{Script=Han}·]{1,11}))?/u
const LABELLED_PAGE = /版次\s*[:：]\s*([0-9０-９]{1,3}|[一二三四五六七八九十]{1,3})/u
const LABELLED_NAME = /版名\s*[:：]\s*(\p{Script=Han}[\p{Script=Han}·]{1,11})/u
/** Words a header carries besides the edition: the paper's name, the weekday, the page editor. */
const HEADER_WORDS = /星期[一二三四五六日天]|周[一二三四五六日天]|(?:责任)?编辑\s*[:：]?\s*\p{Script=Han}{2,4}|(?:美编|校对|版式)\s*[:：]?\s*\p{Script=Han}{2,4}|见报日期|出版日期|日期|[:：·|｜\s]/gu

/** `2025-11-13` when the parts make a real calendar day, else null. */
export function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (year < 1900 || year > 2999 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const pageNumberOf = (text: string): number | null => {
  const digits = text.normalize('NFKC')
  return /^\d+$/.test(digits) ? Number(digits) : chineseNumber(digits)
}

/** What one block says about the edition, or null when it is not a header line. */
export function headerEditionOf(block: string): PageEdition | null {
  const line = block.trim()
  // A dated byline in brackets or a sentence is text of an article, not the page's header.
  if ([...line].length > MAX_HEADER_CHARS || /[。！？!?，,；;]$/u.test(line) || /[()（）【】]/u.test(line)) return null
  let date: string | null = null
  let rest = line
  for (const pattern of DATE_PATTERNS) {
    const match = pattern.exec(rest)
    if (!match) continue
    date = calendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
    rest = rest.replace(match[0], ' ')
    break
  }
  let pageNumber: number | null = null
  let pageName: string | null = null
  const ordinal = PAGE_ORDINAL.exec(rest)
  if (ordinal) {
    pageNumber = pageNumberOf(ordinal[1])
    pageName = ordinal[2] ?? null
    rest = rest.replace(ordinal[0], ' ')
  }
  const labelledPage = LABELLED_PAGE.exec(rest)
  if (labelledPage) {
    pageNumber = pageNumberOf(labelledPage[1])
    rest = rest.replace(labelledPage[0], ' ')
  }
  const labelledName = LABELLED_NAME.exec(rest)
  if (labelledName) {
    pageName = labelledName[1]
    rest = rest.replace(labelledName[0], ' ')
  }
  if (date === null && pageNumber === null) return null
  // Besides the edition, a header holds at most the paper's name: anything longer is a sentence that mentions a date.
  if ([...rest.replace(HEADER_WORDS, '')].length > 8) return null
  return { date, pageNumber, pageName }
}

/** The edition the page's header and footer lines state, and which blocks those lines are. */
export function pageEditionOf(blocks: string[]): { edition: PageEdition; headerIndexes: number[] } {
  const edition: PageEdition = { date: null, pageNumber: null, pageName: null }
  const headerIndexes: number[] = []
  const candidates = [...new Set([...blocks.keys()].filter((index) => index < HEADER_BLOCKS || index >= blocks.length - FOOTER_BLOCKS))]
  for (const index of candidates) {
    const found = headerEditionOf(blocks[index])
    if (!found) continue
    headerIndexes.push(index)
    edition.date ??= found.date
    edition.pageNumber ??= found.pageNumber
    edition.pageName ??= found.pageName
  }
  return { edition, headerIndexes }
}

export const EDITION_FIELDS = { date: '见报日期', pageNumber: '版次', pageName: '版名' } as const

/** `partial`: the valid values found so far, so a preview can match by date before the page name is typed. */
export type EditionCheck = { ok: true; edition: Edition } | { ok: false; missing: (keyof Edition)[]; invalid: string[]; problems: string[]; partial: PageEdition }

/**
 * The edition an import writes: what the editor typed, else what the page says. Typed values
 * are checked (a real day, a page number, a page name of sensible length); a field neither
 * gives is missing. `problems` name the field, in Chinese, for the editor and the API;
 * `invalid` are those about a value given wrongly rather than not given.
 */
export function resolveEdition(input: unknown, fromPage: PageEdition): EditionCheck {
  const given = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>
  const problems: string[] = []
  const missing: (keyof Edition)[] = []
  const blank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '')

  let date = fromPage.date
  if (!blank(given.date)) {
    const match = typeof given.date === 'string' ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(given.date.trim()) : null
    date = match ? calendarDate(Number(match[1]), Number(match[2]), Number(match[3])) : null
    if (!date) problems.push(`见报日期“${String(given.date).slice(0, 20)}”不是有效日期：应写作 2025-11-13`)
  } else if (!date) missing.push('date')

  let pageNumber = fromPage.pageNumber
  if (!blank(given.pageNumber)) {
    const value = typeof given.pageNumber === 'string' ? Number(given.pageNumber.trim()) : given.pageNumber
    pageNumber = typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_NUMBER ? value : null
    if (pageNumber === null) problems.push(`版次“${String(given.pageNumber).slice(0, 20)}”无效：应为 1 到 ${MAX_PAGE_NUMBER} 之间的整数`)
  } else if (!pageNumber) missing.push('pageNumber')

  let pageName = fromPage.pageName
  if (!blank(given.pageName)) {
    pageName = typeof given.pageName === 'string' ? given.pageName.trim() : null
    if (pageName === null) problems.push('版名应为文字')
    else if ([...pageName].length > MAX_PAGE_NAME_CHARS) problems.push(`版名最多 ${MAX_PAGE_NAME_CHARS} 个字，现有 ${[...pageName].length} 个字`)
  } else if (!pageName) missing.push('pageName')

  const invalid = [...problems]
  if (missing.length > 0) problems.push(`请填写${missing.map((field) => EDITION_FIELDS[field]).join('、')}：版面文本中没有写明`)
  if (problems.length > 0 || !date || !pageNumber || !pageName) return { ok: false, missing, invalid, problems, partial: { date, pageNumber, pageName } }
  return { ok: true, edition: { date, pageNumber, pageName } }
}

/** `2025年11月13日 第5版 县域新闻`, as the preview and the results say it. */
export function describeEdition(edition: PageEdition): string {
  const [year, month, day] = edition.date?.split('-').map(Number) ?? []
  return [edition.date ? `${year}年${month}月${day}日` : null, edition.pageNumber ? `第${edition.pageNumber}版` : null, edition.pageName].filter(Boolean).join(' ')
}
