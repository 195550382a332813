/**
 * The checker as steps: a generator that yields between pieces of work, so the same code runs
 * at once (the CLI, the bench) or in slices that give the event loop back (the server, where a
 * 200,000-character text would otherwise hold every other request for half a second).
 */
export type Steps<T> = Generator<void, T, void>

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}

/** Longest the checker holds the event loop before letting other requests run. */
export const SLICE_MS = 10

export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let sliceStarted = performance.now()
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
    if (performance.now() - sliceStarted >= sliceMs) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStarted = performance.now()
    }
  }
}

/** Pieces of a field the rules that look no further than a paragraph check one at a time. */
export type TextPiece = { offset: number; text: string; context: string }

/**
 * A text cut into pieces of about `size` characters at line breaks, each with the next paragraph
 * as context (a quotation may run on into it); a paragraph longer than that is cut after a
 * sentence outside quotation marks, or, failing one, anywhere.
 */
export function piecesOf(text: string, size: number): TextPiece[] {
  const cuts: number[] = []
  let start = 0
  while (text.length - start > size) {
    const limit = start + size
    let cut = text.lastIndexOf('\n', limit)
    if (cut <= start) cut = sentenceEndBefore(text, start, limit)
    else cut += 1
    cuts.push(cut)
    start = cut
  }
  const bounds = [0, ...cuts, text.length]
  return bounds.slice(0, -1).map((from, index) => {
    const to = bounds[index + 1]
    let nextText = to
    while (nextText < text.length && /\s/.test(text[nextText]) && nextText - to < size) nextText += 1
    const nextBreak = text.indexOf('\n', nextText)
    return { offset: from, text: text.slice(from, to), context: text.slice(to, Math.min(nextBreak < 0 ? text.length : nextBreak, to + size)) }
  })
}

const OPENING = new Set(['“', '‘', '（', '《', '「'])
const CLOSING = new Set(['”', '’', '）', '》', '」'])

function sentenceEndBefore(text: string, start: number, limit: number): number {
  let depth = 0
  let lastEnd = -1
  for (let index = start; index < limit; index += 1) {
    const character = text[index]
    if (OPENING.has(character)) depth += 1
    else if (CLOSING.has(character)) depth = Math.max(0, depth - 1)
    else if (depth === 0 && (character === '。' || character === '！' || character === '？')) lastEnd = index + 1
  }
  return lastEnd > start ? lastEnd : limit
}
