import { pinyin } from 'pinyin-pro'

/**
 * Search tokens for Chinese text. Node's ICU word segmenter splits names and newer words it
 * does not know into single characters (申奥美域 → 申|奥|美|域, 三资 → 三|资), so the index
 * uses overlapping character bigrams over Han runs, the classic CJK approach: a query word
 * matches where its bigrams stand next to each other, whatever the segmenter would have made
 * of it. A run's last character is also kept on its own, so a one-character query (城) finds
 * every text containing it as a prefix of some token. Latin words and numbers are kept whole.
 */

const HAN = /\p{Script=Han}/u
const RUN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}])+/gu

/** Full-width letters and digits to ASCII (NFKC), lower case: how readers type is not how papers print. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

const isHan = (run: string) => HAN.test(run)

function bigramsOf(run: string): string[] {
  const chars = Array.from(run)
  return chars.slice(0, -1).map((char, index) => char + chars[index + 1])
}

function runTokens(run: string): string[] {
  if (!isHan(run)) return [run]
  const chars = Array.from(run)
  return [...bigramsOf(run), chars[chars.length - 1]]
}

const runsOf = (text: string): string[] => normalizeText(text).match(RUN) ?? []

/** A text as the index stores it: its tokens in order, separated by spaces. */
export function tokenStream(text: string): string {
  return runsOf(text).flatMap(runTokens).join(' ')
}

/**
 * One thing every match must contain: the bigrams of a Han run as a phrase (adjacent, in
 * order), or a single character or Latin word as the start of a token.
 */
export type SearchTerm = { tokens: string[]; prefix: boolean }

/** A query's terms, all required: words separated by spaces are ANDed, and so are the runs of one word (`2025年`). */
export function queryTerms(query: string): SearchTerm[] {
  const seen = new Set<string>()
  const terms: SearchTerm[] = []
  for (const run of runsOf(query)) {
    const term: SearchTerm = isHan(run) && Array.from(run).length > 1 ? { tokens: bigramsOf(run), prefix: false } : { tokens: [run], prefix: true }
    const key = `${term.prefix}:${term.tokens.join(' ')}`
    if (!seen.has(key)) terms.push(term)
    seen.add(key)
  }
  return terms
}

/** The query's words as typed (normalised), for highlighting. */
export function queryWords(query: string): string[] {
  return [...new Set(runsOf(query))]
}

/** `张福芳` → `zhangfufang` and `zff`, so names and columns can be found by pinyin. */
export function pinyinKeys(name: string): string[] {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).map((syllable) => syllable.toLowerCase()).filter(Boolean)
  if (syllables.length === 0) return []
  return [syllables.join(''), syllables.map((syllable) => syllable[0]).join('')]
}

/** A name's stored pinyin (`zhangfufang zff`) and its title with the pinyin shown (`张福芳（zhangfufang / zff）`). */
export function pinyinLabels(name: string): { pinyin: string | null; pickerTitle: string } {
  const keys = pinyinKeys(name)
  return { pinyin: keys.join(' ') || null, pickerTitle: keys.length > 0 ? `${name}（${keys.join(' / ')}）` : name }
}
