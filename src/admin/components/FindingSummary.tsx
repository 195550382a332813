import { textFieldLabel } from '@/newsroom/articleFields'
import { CATEGORY_LABELS, type Finding } from '@/proofreading/findings'

/** One 校对 finding in a line: 差错·错别字·正文：“然眉之急” → “燃眉之急”. */
export function FindingSummary({ finding }: { finding: Pick<Finding, 'severity' | 'category' | 'field' | 'text' | 'suggestion'> }) {
  return (
    <>
      <strong>{finding.severity === 'error' ? '差错' : '提示'}</strong>·{CATEGORY_LABELS[finding.category]}·{textFieldLabel(finding.field)}：“{finding.text}”
      {finding.suggestion !== null && <> → “{finding.suggestion || '删去'}”</>}
    </>
  )
}
