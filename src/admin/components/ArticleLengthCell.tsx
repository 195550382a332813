'use client'

import type { DefaultCellComponentProps, NumberFieldClient } from 'payload'

import { formatCount, formatLengthSummary, lengthVerdict } from '@/newsroom/articleLength'

/** The list's 字数 column: the count, marked when it is outside its type's usual length. */
export function ArticleLengthCell({ cellData, rowData }: DefaultCellComponentProps<NumberFieldClient>) {
  if (typeof cellData !== 'number') return <span className="article-length-cell">—</span>
  const verdict = lengthVerdict(cellData, rowData?.articleType)
  return (
    <span className={`article-length-cell article-length-cell--${verdict.status}`} title={formatLengthSummary(verdict)}>
      {formatCount(cellData)}
      {verdict.status === 'long' ? ' ↑' : verdict.status === 'short' ? ' ↓' : ''}
    </span>
  )
}
