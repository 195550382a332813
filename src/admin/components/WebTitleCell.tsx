'use client'

import type { DefaultCellComponentProps, TextFieldClient } from 'payload'

/** The list's 网题 column: the web headline, or a quiet note that the site uses the print one. */
export function WebTitleCell({ cellData }: DefaultCellComponentProps<TextFieldClient>) {
  const webTitle = typeof cellData === 'string' ? cellData.trim() : ''
  if (webTitle) return <span>{webTitle}</span>
  return <span className="web-title-cell--none">同主题</span>
}
