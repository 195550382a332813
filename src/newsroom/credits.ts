export const CREDIT_KINDS = {
  photographer: { zh: '摄', en: 'Photo by' },
  courtesy: { zh: '供图', en: 'Courtesy of' },
} as const

export type CreditKind = keyof typeof CREDIT_KINDS

/** `张福芳 摄` for a photographer, `(新化县委宣传部供图)` for an organisation's handout. */
export function formatPhotoCredit(name: string | null | undefined, kind: CreditKind): string {
  const credited = name?.trim()
  if (!credited) return ''
  return kind === 'photographer' ? `${credited} 摄` : `(${credited}供图)`
}
