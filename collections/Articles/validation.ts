import type { ArrayFieldValidation, NumberFieldSingleValidation } from 'payload'

export const installmentNeedsColumn: NumberFieldSingleValidation = (value, { data }) => {
  if (value == null) return true
  if (!(data as { column?: unknown }).column) return '填写期号前请先选择所属专栏'
  if (!Number.isInteger(value) || value < 1) return '期号必须是正整数'
  return true
}

type BylineRow = { byline?: unknown; role?: unknown }

export const bylinesAreDistinct: ArrayFieldValidation = (rows) => {
  const seen = new Set<string>()
  for (const [index, row] of ((rows ?? []) as BylineRow[]).entries()) {
    const byline = row.byline && typeof row.byline === 'object' ? (row.byline as { id: unknown }).id : row.byline
    if (!byline) return `第 ${index + 1} 个署名未选择作者`
    const key = `${String(byline)}:${String(row.role)}`
    if (seen.has(key)) return `第 ${index + 1} 个署名与前面重复（同一作者、同一角色只能出现一次）`
    seen.add(key)
  }
  return true
}
