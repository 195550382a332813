/**
 * Column planning rules, pure: which planned installments need an editor's attention.
 * The admin calendar and its tests both call this.
 */
import { formatChineseDate, formatChineseDateTime, startOfShanghaiDay } from './dates'
import type { DocumentId } from '@/data/relationId'

export type Cadence = 'daily' | 'weekly' | 'biweekly' | 'monthly' | 'irregular'

export const CADENCE_DAYS: Record<Exclude<Cadence, 'irregular'>, number> = { daily: 1, weekly: 7, biweekly: 14, monthly: 31 }
export const CADENCE_LABELS: Record<Cadence, string> = { daily: '每日', weekly: '每周', biweekly: '每两周', monthly: '每月', irregular: '不定期' }

const DAY = 24 * 60 * 60 * 1000
const READY_STATES = new Set(['signed', 'scheduled', 'published'])

export type PlannedInstallment = {
  id: DocumentId
  column: { id: DocumentId; name: string }
  /** The column and number as printed (善治天心③); without it, `善治天心 第3期`. */
  label?: string
  number: number | null
  plannedFor: string
  articleState: string | null
}

export type PlannedColumn = { id: DocumentId; name: string; cadence: Cadence; active: boolean }

export type PlanningProblem =
  | { kind: 'atRisk'; installmentId: DocumentId; message: string }
  | { kind: 'clash'; installmentIds: DocumentId[]; message: string }
  | { kind: 'cadenceGap'; columnId: DocumentId; message: string }
  | { kind: 'numberGap'; columnId: DocumentId; message: string }

/** An installment due within 24 hours whose article is not yet approved. */
export function atRiskProblems(installments: PlannedInstallment[], now: Date): PlanningProblem[] {
  return installments
    .filter((item) => {
      const due = Date.parse(item.plannedFor)
      return due >= now.getTime() && due - now.getTime() <= DAY && !READY_STATES.has(item.articleState ?? '')
    })
    .map((item) => ({
      kind: 'atRisk' as const,
      installmentId: item.id,
      message: `${item.label ?? `${item.column.name}${item.number ? ` 第${item.number}期` : ''}`}将于 ${formatChineseDateTime(item.plannedFor)} 刊发，${item.articleState ? '稿件尚未签发' : '尚未关联稿件'}`,
    }))
}

/** Two installments of one column on the same (Beijing) day. */
export function clashProblems(installments: PlannedInstallment[]): PlanningProblem[] {
  const slots = new Map<string, PlannedInstallment[]>()
  for (const item of installments) {
    const key = `${item.column.id}:${startOfShanghaiDay(new Date(item.plannedFor)).toISOString()}`
    slots.set(key, [...(slots.get(key) ?? []), item])
  }
  return [...slots.values()]
    .filter((items) => items.length > 1)
    .map((items) => ({
      kind: 'clash' as const,
      installmentIds: items.map((item) => item.id),
      message: `${items[0].column.name}在 ${formatChineseDate(items[0].plannedFor)} 安排了 ${items.length} 期`,
    }))
}

/** A periodic column with nothing planned within its next period. */
export function cadenceProblems(columns: PlannedColumn[], installments: PlannedInstallment[], now: Date): PlanningProblem[] {
  return columns.flatMap((column) => {
    if (!column.active || column.cadence === 'irregular') return []
    const horizon = now.getTime() + CADENCE_DAYS[column.cadence] * DAY
    const planned = installments.some(
      (item) => String(item.column.id) === String(column.id) && Date.parse(item.plannedFor) >= now.getTime() && Date.parse(item.plannedFor) <= horizon,
    )
    if (planned) return []
    return [
      {
        kind: 'cadenceGap' as const,
        columnId: column.id,
        message: `${column.name}按“${CADENCE_LABELS[column.cadence]}”刊发，${formatChineseDate(new Date(horizon))}前应有一期，但尚未安排`,
      },
    ]
  })
}

/** Numbers must run without gaps; a dropped installment leaves one until an editor renumbers. */
export function numberGapProblems(columnId: DocumentId, columnName: string, numbers: number[]): PlanningProblem[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b)
  const missing: number[] = []
  for (let index = 1; index < sorted.length; index += 1) {
    for (let gap = sorted[index - 1] + 1; gap < sorted[index]; gap += 1) missing.push(gap)
  }
  if (missing.length === 0) return []
  return [{ kind: 'numberGap', columnId, message: `${columnName}缺少第 ${missing.join('、')} 期：请补上或重新编号` }]
}

/**
 * New numbers for the planned (unpublished) installments after a drop: they close up behind
 * the last number already in print, in planned order. Published numbers never change.
 */
export function renumberPlan(published: number[], planned: { id: DocumentId; number: number; plannedFor: string }[]) {
  let next = Math.max(0, ...published) + 1
  return [...planned]
    .sort((a, b) => a.number - b.number || Date.parse(a.plannedFor) - Date.parse(b.plannedFor))
    .map((item) => ({ id: item.id, from: item.number, to: next++ }))
    .filter((change) => change.from !== change.to)
}
