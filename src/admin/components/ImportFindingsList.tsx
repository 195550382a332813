import type { ImportFindings } from '@/import/pageFindings'
import type { Finding, ProofreadingCategory } from '@/proofreading/findings'
import { FindingSummary } from './FindingSummary'

/** How many kinds of finding the preview lists; the draft's 校对 panel has every one. */
const LISTED = 8
/** What an editor must see first: a forbidden term or a wrong character outweighs a comma. */
const WEIGHT: Record<ProofreadingCategory, number> = { sensitive: 0, typo: 1, consistency: 2, variant: 3, number: 4, punctuation: 5 }

type Group = { finding: Finding; count: number }

/**
 * The same finding repeated (a page set with half-width commas has a hundred) is one line with its
 * count, after the single ones: a repeated mark is one 采纳 on the draft, a lone slip needs reading.
 */
function grouped(findings: readonly Finding[]): Group[] {
  const groups = new Map<string, Group>()
  for (const finding of findings) {
    const key = [finding.severity, finding.category, finding.field, finding.text, finding.suggestion].join('\u0000')
    const group = groups.get(key)
    if (group) group.count += 1
    else groups.set(key, { finding, count: 1 })
  }
  const severity = (group: Group) => (group.finding.severity === 'error' ? 0 : 1)
  return [...groups.values()].sort((a, b) => severity(a) - severity(b) || WEIGHT[a.finding.category] - WEIGHT[b.finding.category] || a.count - b.count)
}

/** The 校对 checker's findings on an article of the page, before it is imported. */
export function ImportFindingsList({ findings }: { findings: ImportFindings | undefined }) {
  if (!findings) return null
  if (findings.findings.length === 0) return <p className="newsroom-import__proofreading" data-testid="import-proofreading">校对：未发现问题</p>
  const groups = grouped(findings.findings)
  return (
    <details className="newsroom-import__proofreading" data-testid="import-proofreading">
      <summary>
        校对：差错 {findings.errors} 处，提示 {findings.warnings} 处
      </summary>
      <ul>
        {groups.slice(0, LISTED).map(({ finding, count }, index) => (
          <li key={index} title={finding.message}>
            <FindingSummary finding={finding} />
            {count > 1 && `（${count} 处）`}
          </li>
        ))}
      </ul>
      {groups.length > LISTED && <p>另有 {groups.length - LISTED} 类，导入后在稿件的“校对”栏逐条查看。</p>}
    </details>
  )
}
