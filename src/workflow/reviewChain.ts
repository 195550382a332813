import type { PayloadRequest } from 'payload'

import type { Article, User, WorkflowEvent } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import { creditedBylineNeedle } from '@/newsroom/bylines'
import { type ChainSettings, contentHash, DEFAULT_CHAIN, pendingLevel, REVIEW_LEVEL_LABELS, type ReviewLevel, requiredLevels } from '@/newsroom/reviewChain'

type ChainGroup = { [Level in keyof ChainSettings]?: boolean | null } & { overridesDesk?: boolean | null }
const settingsOf = (group: ChainGroup | null | undefined): ChainSettings => ({
  first: group?.first ?? DEFAULT_CHAIN.first,
  second: group?.second ?? DEFAULT_CHAIN.second,
  proofreading: group?.proofreading ?? DEFAULT_CHAIN.proofreading,
  briefsSkipSecond: group?.briefsSkipSecond ?? DEFAULT_CHAIN.briefsSkipSecond,
})

/** The chain an article follows: its column's when the column overrides its desk, else its desk's, else the default. */
export async function chainSettingsFor(req: PayloadRequest, article: Pick<Article, 'column' | 'desk'>): Promise<ChainSettings> {
  const columnId = relationId(article.column)
  if (columnId != null) {
    const column = await req.payload.findByID({ collection: 'columns', id: columnId, depth: 0, overrideAccess: true, req, select: { reviewChain: true } }).catch(() => null)
    if (column?.reviewChain?.overridesDesk) return settingsOf(column.reviewChain)
  }
  const deskId = relationId(article.desk)
  if (deskId == null) return DEFAULT_CHAIN
  const desk = await req.payload.findByID({ collection: 'desks', id: deskId, depth: 0, overrideAccess: true, req, select: { reviewChain: true } }).catch(() => null)
  return settingsOf(desk?.reviewChain)
}

export type Signature = Pick<WorkflowEvent, 'id' | 'level' | 'round' | 'contentHash' | 'version' | 'note' | 'createdAt'> & { actor: DocumentId | null }

/** Every signature given on the article, oldest first. */
export async function signaturesOf(req: PayloadRequest, articleId: DocumentId): Promise<Signature[]> {
  const { docs } = await req.payload.find({
    collection: 'workflow-events',
    where: { and: [{ article: { equals: articleId } }, { action: { equals: 'sign' } }] },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { level: true, round: true, contentHash: true, version: true, note: true, actor: true, createdAt: true },
  })
  return docs.map((event) => ({ ...event, actor: relationId(event.actor) ?? null }))
}

export type ReviewStatus = {
  required: ReviewLevel[]
  round: number
  /** This round's signature of each level signed, the latest when re-signed. */
  signed: Map<ReviewLevel, Signature>
  pending: ReviewLevel | null
  all: Signature[]
}

export async function reviewStatusOf(req: PayloadRequest, article: Article): Promise<ReviewStatus> {
  const required = requiredLevels(await chainSettingsFor(req, article), article.articleType)
  const round = article.reviewRound ?? 0
  const all = await signaturesOf(req, article.id)
  const signed = new Map<ReviewLevel, Signature>()
  for (const signature of all) if (signature.round === round && signature.level) signed.set(signature.level, signature)
  return { required, round, signed, pending: pendingLevel(required, new Set(signed.keys())), all }
}

/** Whether the user owns the article or is credited in its bylines: they sign none of its levels. */
export function isAuthorOf(user: PayloadRequest['user'], article: Article): boolean {
  if (!user) return false
  if (String(relationId(article.owner)) === String(user.id)) return true
  const bylineId = relationId((user as User).byline)
  return bylineId != null && (article.creditedBylines ?? '').includes(creditedBylineNeedle(bylineId))
}

/**
 * Why this content may not go public, or null when a 终审 signed exactly this text: in this
 * round, or in an earlier one (a restore of a version the 终审 once signed). Otherwise the
 * levels still missing, or the change made after the 终审 signature.
 */
export function publishRefusal(status: ReviewStatus, content: object): string | null {
  const hash = contentHash(content)
  if (status.all.some((signature) => signature.level === 'final' && signature.contentHash === hash)) return null
  if (!status.signed.has('final')) {
    const missing = status.required.filter((level) => !status.signed.has(level)).map((level) => REVIEW_LEVEL_LABELS[level])
    return `稿件尚未完成三审，缺少${missing.join('、')}，不能发布`
  }
  return '稿件在终审签发后有改动，改动须经终审重新签发后才能发布'
}
