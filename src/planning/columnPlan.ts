import type { Payload, PayloadRequest } from 'payload'

import type { Article, Column, Installment } from '@payload-types'
import { relationId } from '@/data/relationId'
import { formatLengthSummary, lengthVerdict } from '@/newsroom/articleLength'
import { type ColumnLabelInput, formatColumnLabel } from '@/newsroom/columnLabel'
import { formatChineseDate, formatChineseWeekday, startOfShanghaiDay } from '@/newsroom/dates'
import {
  atRiskProblems,
  cadenceProblems,
  clashProblems,
  numberGapProblems,
  type PlannedColumn,
  type PlannedInstallment,
  type PlanningProblem,
  renumberPlan,
} from '@/newsroom/planning'
import type { DocumentId } from '@/data/relationId'

const DAY = 24 * 60 * 60 * 1000

export type CalendarEntry = {
  kind: 'installment' | 'article'
  id: DocumentId
  at: string
  title: string
  columnName: string | null
  /** The column and installment as the page prints them: 善治天心③, 奋斗百年路·启航新征程之新化篇(一). */
  columnLabel: string | null
  number: number | null
  /** `字数 1,234 · 目标 800（消息）` of the article, when there is one. */
  length: string | null
  lengthStatus: 'short' | 'within' | 'long' | null
  articleId: DocumentId | null
  articleState: string | null
  problems: string[]
}

export type Calendar = { days: { date: string; label: string; entries: CalendarEntry[] }[]; problems: PlanningProblem[] }

/**
 * Everything the planning calendar shows between two instants: planned installments,
 * scheduled articles, and every problem an editor should see, read with the user's access.
 */
export async function loadCalendar(payload: Payload, req: PayloadRequest, from: Date, days: number, now: Date = new Date()): Promise<Calendar> {
  const to = new Date(from.getTime() + days * DAY)
  const asUser = { overrideAccess: false, req, depth: 1 } as const
  const [installments, scheduled, columns] = await Promise.all([
    payload.find({ collection: 'installments', where: { plannedFor: { greater_than_equal: new Date(Math.min(from.getTime(), now.getTime())).toISOString() } }, limit: 500, sort: 'plannedFor', ...asUser }),
    payload.find({ collection: 'articles', draft: true, where: { workflowState: { equals: 'scheduled' }, scheduledFor: { greater_than_equal: from.toISOString(), less_than: to.toISOString() } }, limit: 500, ...asUser }),
    payload.find({ collection: 'columns', limit: 200, depth: 0, overrideAccess: false, req }),
  ])
  const parentNames = new Map(columns.docs.map((column) => [String(column.id), column.name]))
  const labelOf = (column: unknown, installment: ColumnLabelInput['installment']) => printedColumnLabel(column, installment, parentNames)
  // An installment's number is the plan's; the article adds the part name and sub-series it prints.
  const installmentLabel = (item: Installment) => {
    const article = item.article as Article | null
    return labelOf(item.column, { ...article?.installment, number: item.number ?? null })
  }
  const planned: PlannedInstallment[] = installments.docs.map((item: Installment) => ({
    id: item.id,
    column: { id: relationId(item.column)!, name: (item.column as Column)?.name ?? '' },
    label: installmentLabel(item) ?? undefined,
    number: item.number ?? null,
    plannedFor: item.plannedFor,
    articleState: (item.article as Article | null)?.workflowState ?? null,
  }))
  const plannedColumns: PlannedColumn[] = columns.docs.map((column: Column) => ({ id: column.id, name: column.name, cadence: column.cadence, active: column.active ?? true }))
  const problems = [...atRiskProblems(planned, now), ...clashProblems(planned), ...cadenceProblems(plannedColumns, planned, now), ...(await numberGaps(payload, req, columns.docs))]

  const entryProblems = (id: DocumentId) =>
    problems.flatMap((problem) => {
      if (problem.kind === 'atRisk' && problem.installmentId === id) return [problem.message]
      if (problem.kind === 'clash' && problem.installmentIds.includes(id)) return [problem.message]
      return []
    })
  const linked = new Set(installments.docs.map((item) => String(relationId(item.article))))
  const entries: CalendarEntry[] = [
    ...installments.docs
      .filter((item) => Date.parse(item.plannedFor) >= from.getTime() && Date.parse(item.plannedFor) < to.getTime())
      .map((item) => ({
        kind: 'installment' as const,
        id: item.id,
        at: item.plannedFor,
        title: item.workingTitle || (item.article as Article | null)?.title || '（暂无标题）',
        columnName: (item.column as Column)?.name ?? null,
        columnLabel: installmentLabel(item),
        number: item.number ?? null,
        ...lengthOf(item.article as Article | null),
        articleId: item.article ? relationId(item.article) : null,
        articleState: (item.article as Article | null)?.workflowState ?? null,
        problems: entryProblems(item.id),
      })),
    ...scheduled.docs
      .filter((article) => !linked.has(String(article.id)))
      .map((article) => ({
        kind: 'article' as const,
        id: article.id,
        at: article.scheduledFor!,
        title: article.title,
        columnName: (article.column as Column | null)?.name ?? null,
        columnLabel: labelOf(article.column, article.installment),
        number: article.installment?.number ?? null,
        ...lengthOf(article),
        articleId: article.id,
        articleState: article.workflowState ?? null,
        problems: [],
      })),
  ]
  const calendarDays = Array.from({ length: days }, (_, index) => {
    const start = new Date(from.getTime() + index * DAY)
    return {
      date: start.toISOString(),
      label: `${formatChineseDate(start)} ${formatChineseWeekday(start)}`,
      entries: entries
        .filter((entry) => startOfShanghaiDay(new Date(entry.at)).getTime() === start.getTime())
        .sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    }
  })
  return { days: calendarDays, problems }
}

/** The printed label of a populated column (its parent campaign named from `parentNames`), or null. */
function printedColumnLabel(column: unknown, installment: ColumnLabelInput['installment'], parentNames: Map<string, string>): string | null {
  if (!column || typeof column !== 'object') return null
  const { name, numberingStyle, partSeparator, parent } = column as Column
  const parentId = relationId(parent)
  return formatColumnLabel({ columnName: name, parentName: parentId == null ? null : (parentNames.get(String(parentId)) ?? null), numberingStyle, partSeparator, installment })
}

/** The article's 字数 against its type's target, for the calendar entry. */
function lengthOf(article: Pick<Article, 'characterCount' | 'articleType'> | null): Pick<CalendarEntry, 'length' | 'lengthStatus'> {
  if (article?.characterCount == null) return { length: null, lengthStatus: null }
  const verdict = lengthVerdict(article.characterCount, article.articleType)
  return { length: formatLengthSummary(verdict), lengthStatus: verdict.status }
}

/** Every column's numbering, from one read of all installment numbers. */
async function numberGaps(payload: Payload, req: PayloadRequest, columns: Column[]): Promise<PlanningProblem[]> {
  const { docs } = await payload.find({
    collection: 'installments',
    limit: 10_000,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    req,
    select: { column: true, number: true },
  })
  return columns.flatMap((column) => {
    const numbers = docs.filter((doc) => String(relationId(doc.column)) === String(column.id)).map((doc) => doc.number ?? 0)
    return numberGapProblems(column.id, column.name, numbers.filter(Boolean))
  })
}

/**
 * Closes the gaps a dropped installment left, among installments not yet in print. Numbers
 * already carried by published articles, or by articles outside the plan, stay as they are.
 */
export async function renumberColumn(payload: Payload, req: PayloadRequest, columnId: DocumentId) {
  const [{ docs: installments }, { docs: articles }] = await Promise.all([
    payload.find({ collection: 'installments', where: { column: { equals: columnId } }, limit: 1000, depth: 0, overrideAccess: true, req }),
    payload.find({ collection: 'articles', where: { column: { equals: columnId } }, limit: 1000, depth: 0, draft: true, overrideAccess: true, req }),
  ])
  const published = new Set(articles.filter((article) => article._status === 'published').map((article) => String(article.id)))
  const planned = installments.filter((item) => !item.article || !published.has(String(relationId(item.article))))
  const plannedArticles = new Set(planned.map((item) => String(relationId(item.article))))
  const fixed = articles.filter((article) => !plannedArticles.has(String(article.id))).map((article) => article.installment?.number ?? 0)
  const changes = renumberPlan(
    fixed,
    planned.map((item) => ({ id: item.id, number: item.number ?? 0, plannedFor: item.plannedFor })),
  )
  for (const change of changes) {
    await payload.update({ collection: 'installments', id: change.id, data: { number: change.to }, overrideAccess: true, req, context: { renumbering: true } })
  }
  return changes
}
