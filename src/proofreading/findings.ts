/**
 * What the proofreading checker reports. A finding names its category, how serious it is, the
 * exact span (UTF-16 offsets into the named field's plain text, as JavaScript strings count),
 * a message in Chinese and, where there is one, the correction.
 */
export const PROOFREADING_CATEGORIES = ['typo', 'variant', 'sensitive', 'punctuation', 'number', 'consistency'] as const
export type ProofreadingCategory = (typeof PROOFREADING_CATEGORIES)[number]
export const CATEGORY_LABELS: Record<ProofreadingCategory, string> = {
  typo: '错别字',
  variant: '异形词',
  sensitive: '禁用词/慎用词',
  punctuation: '标点',
  number: '数字用法',
  consistency: '前后不一致',
}

export type Severity = 'error' | 'warning'

export type Finding = {
  category: ProofreadingCategory
  severity: Severity
  field: string
  offset: number
  length: number
  text: string
  message: string
  suggestion: string | null
}

/** A finding within one text, before the field it came from is known. */
export type Hit = Omit<Finding, 'field' | 'text'>

export const hit = (category: ProofreadingCategory, severity: Severity, offset: number, length: number, message: string, suggestion: string | null = null): Hit => ({
  category,
  severity,
  offset,
  length,
  message,
  suggestion,
})
