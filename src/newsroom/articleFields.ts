/** An article's text fields by their Chinese names, in the order a page prints them: what 修改留痕 compares and the 校对 checker reads. */
export const TEXT_FIELD_LABELS = {
  kicker: '引题',
  title: '主题',
  subtitle: '副题',
  webTitle: '网题',
  summary: '导语',
  body: '正文',
  captions: '图片说明',
  corrections: '更正',
} as const

export const textFieldLabel = (field: string): string => (field in TEXT_FIELD_LABELS ? TEXT_FIELD_LABELS[field as keyof typeof TEXT_FIELD_LABELS] : field)
