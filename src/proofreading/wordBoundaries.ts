/**
 * Where words begin and end in Chinese text, by ICU's dictionary segmenter (Intl.Segmenter,
 * which Node ships with full ICU). A listed miswriting is reported only where it starts and ends
 * on word boundaries: 既使 is wrong in 既使他来了 (既|使|他) but part of 既使用 (既|使用), a
 * correct phrase, and a bare substring search would flag it.
 *
 * Segmenting a whole 15,000-character article takes about 50 ms, the checker's whole budget, so
 * only the clause around a candidate is segmented, once: a punctuation mark ends every word.
 */
const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
const CLAUSE_END = /[。！？；，、：!?;,:\n]/

/**
 * Whether text[at, at + length) starts and ends on word boundaries; with a replacement, whether
 * the replacement would. A miswriting often breaks the segmenter's words around it (深深隽刻在
 * splits 隽|刻在), while its correction segments as the word it is (深深|镌刻|在), and a correct
 * longer word still does not (即使用 splits 即|使用, so 既使用 stays unflagged).
 */
export type WordTest = (at: number, length: number, replacement?: string) => boolean

/**
 * ICU's segmenter takes time quadratic in the length of a run without punctuation (80,000
 * characters: 11 s): a clause longer than this, which news copy never has, is segmented in
 * pieces, at the cost of a boundary where a piece ends.
 */
const LONGEST_SEGMENTED = 256

/**
 * How far either side of a replacement its words are segmented: words are short, and a clause
 * without punctuation can run the length of a text (a pasted list, a hostile request), which
 * re-segmented whole for each candidate would make the check quadratic.
 */
const REPLACEMENT_CONTEXT = 24

/** Whether `replacement`, put in place of text[at, at + length), starts and ends on word boundaries of its clause. */
export function replacementStandsAsWord(text: string, at: number, length: number, replacement: string): boolean {
  let start = at
  while (start > 0 && at - start < REPLACEMENT_CONTEXT && !CLAUSE_END.test(text[start - 1])) start -= 1
  let end = at + length
  while (end < text.length && end - at - length < REPLACEMENT_CONTEXT && !CLAUSE_END.test(text[end])) end += 1
  const replaced = text.slice(start, at) + replacement + text.slice(at + length, end)
  const boundaries = new Set<number>()
  for (const { index, segment } of segmenter.segment(replaced)) boundaries.add(index).add(index + segment.length)
  return boundaries.has(at - start) && boundaries.has(at - start + replacement.length)
}

/** The rules of one proofreading pass ask about the same text in turn: they share its segmented clauses. */
let latest: { text: string; test: WordTest } | null = null

export function wordBoundaries(text: string): WordTest {
  if (latest?.text !== text) latest = { text, test: boundaryTest(text) }
  return latest.test
}

function boundaryTest(text: string): WordTest {
  const clauseStarts = [0]
  for (let index = 0; index < text.length; index += 1) if (CLAUSE_END.test(text[index])) clauseStarts.push(index + 1)
  const segmented = new Map<number, Set<number>>()
  const clauseOf = (at: number) => {
    let low = 0
    let high = clauseStarts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if (clauseStarts[middle] <= at) low = middle
      else high = middle - 1
    }
    return low
  }
  const boundariesOf = (clause: number) => {
    if (!segmented.has(clause)) {
      const start = clauseStarts[clause]
      const end = clauseStarts[clause + 1] ?? text.length
      const boundaries = new Set<number>([start, end])
      for (let piece = start; piece < end; piece += LONGEST_SEGMENTED) {
        for (const { index, segment } of segmenter.segment(text.slice(piece, Math.min(end, piece + LONGEST_SEGMENTED)))) {
          boundaries.add(piece + index)
          boundaries.add(piece + index + segment.length)
        }
      }
      segmented.set(clause, boundaries)
    }
    return segmented.get(clause)!
  }
  return (at, length, replacement) => {
    const first = clauseOf(at)
    const last = clauseOf(Math.max(at, at + length - 1))
    if (boundariesOf(first).has(at) && boundariesOf(last).has(at + length)) return true
    return replacement !== undefined && replacementStandsAsWord(text, at, length, replacement)
  }
}
