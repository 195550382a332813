/**
 * 三审三校 as a Chinese daily runs it: 初审 by the responsible editor, 复审 by the head of the
 * article's desk, a proofreading round, and 终审 by the chief editor, who gives the 签发. Plain
 * TypeScript: which levels an article needs, which one it waits for, who may sign it, and the
 * fingerprint of the text a signature covers.
 */
import { createHash } from 'node:crypto'

export const REVIEW_LEVELS = ['first', 'second', 'proofreading', 'final'] as const
export type ReviewLevel = (typeof REVIEW_LEVELS)[number]

export const REVIEW_LEVEL_LABELS: Record<ReviewLevel, string> = { first: '初审', second: '复审', proofreading: '校对', final: '终审' }

/** Which levels a desk (or a column, overriding its desk) requires. 终审 is always required: it is the 签发. */
export type ChainSettings = { first: boolean; second: boolean; proofreading: boolean; briefsSkipSecond: boolean }
export const DEFAULT_CHAIN: ChainSettings = { first: true, second: true, proofreading: true, briefsSkipSecond: false }

/** The levels an article must pass, in signing order. */
export function requiredLevels(settings: ChainSettings, articleType: string | null | undefined): ReviewLevel[] {
  const skipsSecond = settings.briefsSkipSecond && articleType === 'brief'
  return REVIEW_LEVELS.filter((level) => level === 'final' || (settings[level] && !(level === 'second' && skipsSecond)))
}

/** The first required level this round has no signature for; null once 终审 is signed. */
export function pendingLevel(required: readonly ReviewLevel[], signed: ReadonlySet<ReviewLevel>): ReviewLevel | null {
  return required.find((level) => !signed.has(level)) ?? null
}

export type SignAttempt = {
  level: ReviewLevel
  required: readonly ReviewLevel[]
  /** Levels signed in the current round. */
  signedThisRound: ReadonlySet<ReviewLevel>
  /** Whether the signer's roles let them sign this level at all. */
  holdsLevel: boolean
  /** 复审: whether the article's desk is one the signer heads. */
  headsArticleDesk: boolean
  /** The signer owns the article or is credited in its bylines. */
  isAuthor: boolean
  /** Levels this person has signed on the article, in any round. */
  ownLevels: ReadonlySet<ReviewLevel>
  /** Who holds the level, for the refusal: "总编辑 / 值班总编". */
  holders: string
}

/**
 * Why a signature may not be given, in Chinese, and of which kind: the article is not at that
 * level (`wrongState`, 409) or this person may not sign it (`notAllowed`, 403); WorkflowError's reasons.
 */
export type SignRefusal = { message: string; reason: 'wrongState' | 'notAllowed' }

const notNow = (message: string): SignRefusal => ({ message, reason: 'wrongState' })
const notYou = (message: string): SignRefusal => ({ message, reason: 'notAllowed' })

/** Why this signature may not be given, or null when it may. */
export function signRefusal(attempt: SignAttempt): SignRefusal | null {
  const { level, required, signedThisRound } = attempt
  const label = REVIEW_LEVEL_LABELS[level]
  if (!required.includes(level)) return notNow(`本稿件的审稿流程不含${label}`)
  if (signedThisRound.has(level)) return notNow(`本轮${label}已经签过`)
  const missing = required.slice(0, required.indexOf(level)).filter((lower) => !signedThisRound.has(lower))
  if (missing.length > 0) return notNow(`须先完成${missing.map((lower) => REVIEW_LEVEL_LABELS[lower]).join('、')}，才能${label}`)
  if (!attempt.holdsLevel) return notYou(`您没有${label}签字权限（${attempt.holders}签${label}）`)
  if (level === 'second' && !attempt.headsArticleDesk) return notYou('复审须由稿件所属部门的部门主任签字')
  if (attempt.isAuthor) return notYou('稿件的作者和署名记者不能审签自己的稿件')
  const other = [...attempt.ownLevels].find((signed) => signed !== level)
  if (other) return notYou(`您已签过本稿件的${REVIEW_LEVEL_LABELS[other]}，同一人不能签两级`)
  return null
}

/**
 * What readers get of an article, the text a signature covers: a change to any of these after a
 * signature is a change that signature did not approve. Each is normalised so the same content
 * hashes the same whether it comes from the database or from a save (relations as ids, array
 * rows without the ids the database gave them).
 */
const PUBLIC_CONTENT = {
  kicker: 'text',
  title: 'text',
  webTitle: 'text',
  subtitle: 'text',
  summary: 'text',
  body: 'json',
  articleType: 'text',
  column: 'relation',
  installment: 'json',
  bylines: 'bylines',
  bylinePosition: 'text',
  leadPhoto: 'relation',
  photos: 'relations',
  tags: 'relations',
  regions: 'relations',
  seo: 'seo',
  corrections: 'rows',
  slug: 'text',
  responsibleEditor: 'text',
} as const

const idOf = (value: unknown): unknown => (value && typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : (value ?? null))
const blank = (value: unknown) => value === undefined || value === '' ? null : value

function withoutRowIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRowIds)
  if (!value || typeof value !== 'object') return blank(value)
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => key !== 'id')
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, inner]) => [key, withoutRowIds(inner)]),
  )
}

const NORMALISE: Record<(typeof PUBLIC_CONTENT)[keyof typeof PUBLIC_CONTENT], (value: unknown) => unknown> = {
  text: (value) => blank(value),
  json: (value) => (value == null ? null : withoutRowIds(value)),
  relation: idOf,
  relations: (value) => (Array.isArray(value) ? value.map(idOf) : []),
  bylines: (value) => (Array.isArray(value) ? value.map((row: { byline?: unknown; role?: unknown }) => [idOf(row.byline), row.role ?? null]) : []),
  seo: (value) => {
    const seo = (value ?? {}) as { title?: unknown; description?: unknown; image?: unknown }
    return [blank(seo.title) ?? null, blank(seo.description) ?? null, idOf(seo.image)]
  },
  rows: (value) => (Array.isArray(value) ? value.map(withoutRowIds) : []),
}

/** The public content of an article, normalised, in a fixed order. */
export function publicContentOf(article: object): [string, unknown][] {
  return Object.entries(PUBLIC_CONTENT).map(([field, kind]) => [field, NORMALISE[kind]((article as Record<string, unknown>)[field])])
}

/** SHA-256 of the public content: what a sign-off records and what publishing must match. */
export function contentHash(article: object): string {
  return createHash('sha256').update(JSON.stringify(publicContentOf(article))).digest('hex')
}
