import type { Finding } from './findings'

/**
 * A waiver names a finding by what it is (field, category, the text and the message), not by
 * where it stands: an edit elsewhere in the field moves the offsets and keeps the waiver.
 * Every occurrence of the same text with the same finding in that field is covered by one waiver.
 */
export const waiverKey = (finding: Pick<Finding, 'field' | 'category' | 'text' | 'message'>): string => [finding.field, finding.category, finding.text, finding.message].join('\u241F')

export type Waiver = { key: string; reason: string; waivedBy: string | null; waivedAt: string | null }
export type ReviewedFinding = Finding & { waiver: Waiver | null }

export function withWaivers(findings: readonly Finding[], waivers: readonly Waiver[]): ReviewedFinding[] {
  const byKey = new Map(waivers.map((waiver) => [waiver.key, waiver]))
  return findings.map((finding) => ({ ...finding, waiver: byKey.get(waiverKey(finding)) ?? null }))
}

/** Why the proofreading level or 终审 may not be signed yet, or null: every `error` finding fixed or waived. */
export function unresolvedErrorsRefusal(findings: readonly ReviewedFinding[], levelLabel: string): string | null {
  const unresolved = findings.filter((finding) => finding.severity === 'error' && !finding.waiver)
  if (unresolved.length === 0) return null
  const examples = unresolved
    .slice(0, 3)
    .map((finding) => `“${finding.text}”（${finding.message}）`)
    .join('；')
  return `校对还有 ${unresolved.length} 处差错未改正或豁免，不能${levelLabel}：${examples}${unresolved.length > 3 ? ' 等' : ''}。请改正，或在校对面板中说明理由后豁免`
}
