import { hit, type Hit, type ProofreadingCategory, type Severity } from '../findings'
import { type WordTest, wordBoundaries } from '../wordBoundaries'

/** One string the checker looks for: a miswriting, a non-recommended variant, a forbidden term. */
export type TermEntry = {
  needle: string
  category: ProofreadingCategory
  severity: Severity
  message: string
  suggestion: string | null
  /** Longer correct strings that contain the needle: 既使用 for 既使. */
  exceptions?: readonly string[]
  /** Report only where the needle starts and ends on word boundaries (miswritings and variants). */
  onWordBoundaries: boolean
}

/**
 * All entries by their first character, longest first: one pass over the text tries only the
 * entries that can start at each position, which keeps a 15,000-character article well inside
 * the time a save may take.
 */
export type TermMatcher = { byFirst: Map<string, TermEntry[]> }

export function termMatcher(entries: readonly TermEntry[]): TermMatcher {
  const byFirst = new Map<string, TermEntry[]>()
  for (const entry of entries) {
    if (!entry.needle) continue
    const list = byFirst.get(entry.needle[0])
    if (list) list.push(entry)
    else byFirst.set(entry.needle[0], [entry])
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.needle.length - a.needle.length)
  return { byFirst }
}

/**
 * Miswritings this long are also found where only their correction segments as a word: two
 * characters straddle correct words too often (问题到 holds 题到, 促消费 holds 促消).
 */
const MIN_RESEGMENTED_LENGTH = 3

const insideException = (text: string, at: number, entry: TermEntry) =>
  (entry.exceptions ?? []).some((exception) => {
    const within = exception.indexOf(entry.needle)
    return within >= 0 && text.startsWith(exception, at - within)
  })

export function findTerms(text: string, matcher: TermMatcher): Hit[] {
  const hits: Hit[] = []
  let isWord: WordTest | null = null
  for (let at = 0; at < text.length; at += 1) {
    const candidates = matcher.byFirst.get(text[at])
    if (!candidates) continue
    for (const entry of candidates) {
      if (!text.startsWith(entry.needle, at) || insideException(text, at, entry)) continue
      if (entry.onWordBoundaries) {
        isWord ??= wordBoundaries(text)
        if (!isWord(at, entry.needle.length, entry.needle.length >= MIN_RESEGMENTED_LENGTH ? (entry.suggestion ?? undefined) : undefined)) continue
      }
      hits.push(hit(entry.category, entry.severity, at, entry.needle.length, entry.message, entry.suggestion))
      at += entry.needle.length - 1
      break
    }
  }
  return hits
}
