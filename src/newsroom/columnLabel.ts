import { toChineseNumeral, toCircledNumber } from './numerals'

export const NUMBERING_STYLES = ['circled', 'chineseParenthesised', 'ordinalIssue', 'none'] as const
export type NumberingStyle = (typeof NUMBERING_STYLES)[number]

/** Keyed by ASCII names: select values become GraphQL enum names, which must be ASCII. */
export const PART_SEPARATORS = { middleDot: '·', zhi: '之' } as const
export type PartSeparator = keyof typeof PART_SEPARATORS

export type ColumnLabelInput = {
  columnName: string
  /** A campaign the column belongs to, printed before it (非凡“十四五”). */
  parentName?: string | null
  numberingStyle: NumberingStyle
  /** What joins the column to a part name: `·科技篇` or `之新化篇`. */
  partSeparator?: PartSeparator | null
  installment?: {
    number?: number | null
    partName?: string | null
    /** A local sub-series printed right after the column name (桂阳“新答卷”). */
    subSeries?: string | null
  } | null
}

export function formatInstallmentNumber(value: number, style: NumberingStyle): string {
  switch (style) {
    case 'circled':
      return toCircledNumber(value) ?? `(${value})`
    case 'chineseParenthesised':
      return `(${toChineseNumeral(value)})`
    case 'ordinalIssue':
      return `第${value}期`
    case 'none':
      return ''
  }
}

/**
 * The column label exactly as the paper prints it above a headline:
 * `善治天心②`, `奋斗百年路·启航新征程之新化篇(一)`, `非凡“十四五”桂阳“新答卷”·科技篇`.
 */
export function formatColumnLabel(input: ColumnLabelInput): string {
  const installment = input.installment ?? {}
  const partName = installment.partName?.trim()
  const subSeries = installment.subSeries?.trim()
  let label = `${input.parentName?.trim() ?? ''}${input.columnName.trim()}${subSeries ?? ''}`
  if (partName) label += `${PART_SEPARATORS[input.partSeparator ?? 'middleDot']}${partName}`
  if (installment.number != null) label += formatInstallmentNumber(installment.number, input.numberingStyle)
  return label
}
