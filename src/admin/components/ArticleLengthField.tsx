'use client'

import { useFormFields } from '@payloadcms/ui'
import { useMemo } from 'react'

import { formatCount, formatLengthSummary, lengthVerdict } from '@/newsroom/articleLength'
import { bodyCharacterCount } from '@/newsroom/characterCount'
import type { LexicalBody } from '@/newsroom/lexicalText'

/**
 * 字数 as the journalist types: the body in the form, counted by the same rule the server
 * stores (recordCharacterCount), against the target of the chosen 稿件类型. Payload hands the
 * editor's text to the form a moment after each keystroke, so the count follows within it.
 */
export function ArticleLengthField() {
  const body = useFormFields(([fields]) => fields.body?.value) as LexicalBody
  const articleType = useFormFields(([fields]) => fields.articleType?.value)
  const verdict = useMemo(() => lengthVerdict(bodyCharacterCount(body), articleType), [body, articleType])
  return (
    <div className={`field-type article-length article-length--${verdict.status}`} data-testid="article-length">
      <span className="field-label">正文字数</span>
      <p className="article-length__summary" role="status" aria-live="polite">
        {formatLengthSummary(verdict)}
      </p>
      <p className="field-description">
        {verdict.target ? `合适篇幅 ${formatCount(verdict.target.min)}–${formatCount(verdict.target.max)} 字。` : ''}
        只计正文（不含标题、导语和图片说明）：汉字和中文标点每个算 1 字，连续的字母或数字算 1 字，空格不计。
      </p>
    </div>
  )
}
