/**
 * The article types the paper prints and how long each usually runs. The figures are the
 * paper's house defaults, measured on its own pages (src/seed/pages): a 简讯 runs one or two
 * short paragraphs (the 宁远县 and 祁阳市 briefs: 200–400 字), a 消息 about a column's depth
 * (≈800 字), a 通讯 a page section of 2,000–4,000 字, a 评论 1,000–1,500 字. The desk adjusts them here.
 */
export const ARTICLE_TYPES = {
  news: { zh: '消息', en: 'News' },
  feature: { zh: '通讯', en: 'Feature' },
  brief: { zh: '简讯', en: 'Brief' },
  commentary: { zh: '评论', en: 'Commentary' },
} as const

export type ArticleType = keyof typeof ARTICLE_TYPES
export const ARTICLE_TYPE_KEYS = Object.keys(ARTICLE_TYPES) as ArticleType[]

export type LengthTarget = { target: number; min: number; max: number }

export const ARTICLE_LENGTH_TARGETS: Readonly<Record<ArticleType, LengthTarget>> = {
  news: { target: 800, min: 300, max: 1_500 },
  feature: { target: 3_000, min: 1_500, max: 5_000 },
  brief: { target: 300, min: 50, max: 500 },
  commentary: { target: 1_200, min: 800, max: 2_000 },
}

export type LengthStatus = 'short' | 'within' | 'long'

export type LengthVerdict = { count: number; type: ArticleType | null; target: LengthTarget | null; status: LengthStatus }

const isArticleType = (value: unknown): value is ArticleType => typeof value === 'string' && value in ARTICLE_TYPES

/** How a count stands against its type's range; an article of no known type is never flagged. */
export function lengthVerdict(count: number, articleType: unknown): LengthVerdict {
  const type = isArticleType(articleType) ? articleType : null
  const target = type ? ARTICLE_LENGTH_TARGETS[type] : null
  const status: LengthStatus = !target ? 'within' : count < target.min ? 'short' : count > target.max ? 'long' : 'within'
  return { count, type, target, status }
}

/** 1234 → `1,234`, the same in Node and every browser (no locale data needed). */
export function formatCount(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

export const LENGTH_STATUS_LABELS: Record<LengthStatus, string> = { short: '偏短', within: '', long: '超长' }

/** `字数 1,234 · 目标 800（消息）· 超长`: what the editor, list and calendar print. */
export function formatLengthSummary(verdict: LengthVerdict, prefix = '字数'): string {
  const parts = [`${prefix} ${formatCount(verdict.count)}`]
  if (verdict.type && verdict.target) parts.push(`目标 ${formatCount(verdict.target.target)}（${ARTICLE_TYPES[verdict.type].zh}）`)
  if (verdict.status !== 'within') parts.push(LENGTH_STATUS_LABELS[verdict.status])
  return parts.join(' · ')
}
