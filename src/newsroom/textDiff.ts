/**
 * 修改留痕: what changed between two texts, character by character, the way a Chinese editor
 * marks copy. Chinese has no spaces to split words at, so a word diff would replace a whole
 * sentence for a one-character fix; a bare character diff, on the other hand, threads a rewritten
 * sentence through every 的 and 了 the two versions share. So: paragraphs are matched first,
 * matched paragraphs are diffed by character, and an equal run shorter than the edits on both
 * of its sides is folded into them (the semantic cleanup of Neil Fraser's diff-match-patch).
 */
import { diffArrays, diffChars } from 'diff'

export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string }

/**
 * How long character diffs may run, in all, for one request: a diff holds the event loop, and
 * Myers' diff of two unrelated texts grows with the product of their lengths. Once the budget is
 * spent the remaining paragraphs show as replaced whole (still matched paragraph by paragraph,
 * which costs next to nothing); a one-character fix takes about a millisecond.
 */
export type DiffBudget = { deadline: number }
export const DIFF_BUDGET_MS = 250
export const diffBudget = (milliseconds = DIFF_BUDGET_MS): DiffBudget => ({ deadline: performance.now() + milliseconds })

function merged(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = []
  for (const op of ops) {
    if (!op.text) continue
    const last = out.at(-1)
    if (last?.op === op.op) last.text += op.text
    else out.push({ ...op })
  }
  return out
}

/** Each run of edits between two equal runs, deletions first, then insertions. */
function grouped(ops: DiffOp[]): DiffOp[] {
  const out: DiffOp[] = []
  let deleted = ''
  let inserted = ''
  const flush = () => {
    if (deleted) out.push({ op: 'delete', text: deleted })
    if (inserted) out.push({ op: 'insert', text: inserted })
    deleted = inserted = ''
  }
  for (const op of ops) {
    if (op.op === 'delete') deleted += op.text
    else if (op.op === 'insert') inserted += op.text
    else {
      flush()
      out.push(op)
    }
  }
  flush()
  return merged(out)
}

/** Folds every equal run no longer than the larger edit on each side of it, until none is left. */
function semanticCleanup(ops: DiffOp[]): DiffOp[] {
  let current = grouped(ops)
  for (;;) {
    const editSize = (index: number, step: 1 | -1) => {
      let deleted = 0
      let inserted = 0
      for (let at = index + step; at >= 0 && at < current.length && current[at].op !== 'equal'; at += step) {
        if (current[at].op === 'delete') deleted += [...current[at].text].length
        else inserted += [...current[at].text].length
      }
      return Math.max(deleted, inserted)
    }
    const foldAt = current.findIndex((op, index) => {
      if (op.op !== 'equal' || index === 0 || index === current.length - 1) return false
      const length = [...op.text].length
      return length <= editSize(index, -1) && length <= editSize(index, 1)
    })
    if (foldAt < 0) return current
    const equal = current[foldAt].text
    current = grouped([...current.slice(0, foldAt), { op: 'delete', text: equal }, { op: 'insert', text: equal }, ...current.slice(foldAt + 1)])
  }
}

function characterDiff(from: string, to: string, budget: DiffBudget): DiffOp[] {
  const remaining = budget.deadline - performance.now()
  const changes = remaining > 0 ? diffChars(from, to, { timeout: remaining }) : undefined
  if (!changes) return merged([{ op: 'delete', text: from }, { op: 'insert', text: to }])
  return semanticCleanup(changes.map((change) => ({ op: change.added ? 'insert' : change.removed ? 'delete' : 'equal', text: change.value })))
}

/** The texts' paragraphs, each but the last with the line break that ends it. */
const paragraphs = (text: string) => text.match(/[^\n]*\n|[^\n]+$/g) ?? []

/**
 * The edits that turn `from` into `to`. Equal and changed text alternate; joining the equal and
 * deleted runs gives `from` back, joining the equal and inserted runs gives `to`.
 */
export function diffText(from: string, to: string, budget: DiffBudget = diffBudget()): DiffOp[] {
  if (from === to) return from ? [{ op: 'equal', text: from }] : []
  const ops: DiffOp[] = []
  let removed: string[] = []
  let added: string[] = []
  const pairUp = () => {
    // Replaced paragraphs are compared one by one, the first removed with the first added.
    for (let index = 0; index < Math.max(removed.length, added.length); index += 1) ops.push(...characterDiff(removed[index] ?? '', added[index] ?? '', budget))
    removed = []
    added = []
  }
  for (const part of diffArrays(paragraphs(from), paragraphs(to))) {
    if (part.removed) removed.push(...part.value)
    else if (part.added) added.push(...part.value)
    else {
      pairUp()
      ops.push({ op: 'equal', text: part.value.join('') })
    }
  }
  pairUp()
  return grouped(ops)
}

/** Characters inserted and deleted, counted as 字 (code points), not UTF-16 units. */
export function changeCounts(ops: readonly DiffOp[]): { inserted: number; deleted: number } {
  let inserted = 0
  let deleted = 0
  for (const op of ops) {
    if (op.op === 'insert') inserted += [...op.text].length
    else if (op.op === 'delete') deleted += [...op.text].length
  }
  return { inserted, deleted }
}
