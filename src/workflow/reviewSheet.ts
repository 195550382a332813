import type { PayloadRequest } from 'payload'

import type { Article, WorkflowEvent } from '@payload-types'
import { roleActingFor } from '@/access/permissions'
import { type DocumentId, relationId } from '@/data/relationId'
import { diffArticleTexts, totalChanges } from '@/newsroom/articleDiff'
import { diffBudget } from '@/newsroom/textDiff'
import { bodyCharacterCount } from '@/newsroom/characterCount'
import { REVIEW_LEVEL_LABELS, REVIEW_LEVELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { SIGNING_PERMISSION } from '@/newsroom/workflow'
import { type StoredWaiver, waiversOf } from '@/proofreading/server/articleReview'
import { reviewStatusOf } from './reviewChain'
import { textsOf } from '@/data/articleTexts'
import { versionsById } from './versionText'

type Person = { id: DocumentId; name: string; role: string | null }
type Changes = { inserted: number; deleted: number }

export type SheetSignature = {
  level: ReviewLevel
  label: string
  round: number | null
  signer: Person | null
  signedAt: string | null
  opinion: string | null
  version: string | null
  contentHash: string | null
  /** What the signer's level changed: from the version the previous step left to the one signed; null when either was pruned. */
  changes: Changes | null
}
export type SheetLevel = Omit<SheetSignature, 'round'> & { required: boolean }
export type SheetReturn = { level: ReviewLevel | null; label: string | null; round: number | null; by: Person | null; at: string; note: string | null }

export type ReviewSheet = {
  article: { id: DocumentId; title: string; desk: string | null; author: string | null; wordCount: number; state: string | null; round: number }
  levels: SheetLevel[]
  proofreading: SheetSignature[]
  returns: SheetReturn[]
  /** 校对 findings a signer kept, with who, when and why. */
  waivers: StoredWaiver[]
  /** Set for an article published before the chain existed: there is nothing to show, and nothing is invented. */
  notice: string | null
}

const PREDATES_REVIEW = '本稿件在启用三审之前发布，没有三审签字记录。'
export const UNKNOWN_PERSON = '已删除的账号'

type Event = Pick<WorkflowEvent, 'id' | 'action' | 'level' | 'round' | 'version' | 'contentHash' | 'note' | 'createdAt' | 'actor'>

async function eventsOf(req: PayloadRequest, articleId: DocumentId): Promise<Event[]> {
  const { docs } = await req.payload.find({
    collection: 'workflow-events',
    where: { and: [{ article: { equals: articleId } }, { action: { in: ['submit', 'sign', 'return'] } }] },
    sort: 'createdAt',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { action: true, level: true, round: true, version: true, contentHash: true, note: true, createdAt: true, actor: true },
  })
  return docs
}

/** Accounts by id, with their names and roles, read past access: a record names whoever acted. */
export async function usersById(req: PayloadRequest, ids: readonly DocumentId[]) {
  const wanted = [...new Set(ids.map(String))]
  if (wanted.length === 0) return new Map<string, { id: DocumentId; name?: string | null; roles?: unknown }>()
  const { docs } = await req.payload.find({ collection: 'users', where: { id: { in: wanted } }, limit: wanted.length, depth: 0, overrideAccess: true, req, select: { name: true, roles: true } })
  return new Map(docs.map((user) => [String(user.id), user]))
}

/**
 * The version text each signature changed: what the step before it (the submission, the
 * signature below, or the earlier 终审 a change was re-signed after) left, against what it signed.
 */
async function changesBySignature(req: PayloadRequest, articleId: DocumentId, events: readonly Event[]): Promise<Map<DocumentId, Changes | null>> {
  const pairs = events.flatMap((event, index) => {
    if (event.action !== 'sign') return []
    const before = events.slice(0, index).findLast((earlier) => (earlier.action === 'sign' || earlier.action === 'submit') && earlier.version)
    return [{ id: event.id, from: before?.version ?? '', to: event.version ?? '' }]
  })
  const versions = await versionsById(req, articleId, pairs.flatMap((pair) => [pair.from, pair.to]))
  const texts = new Map<string, Awaited<ReturnType<typeof textsOf>>[number]>()
  const stored = [...versions.values()]
  ;(await textsOf(req, stored.map((version) => version.article))).forEach((text, index) => texts.set(String(stored[index].id), text))
  const budget = diffBudget()
  return new Map(
    pairs.map(({ id, from, to }) => {
      const [before, after] = [texts.get(from), texts.get(to)]
      return [id, before && after ? totalChanges(diffArticleTexts(before, after, budget)) : null]
    }),
  )
}

/** The 审稿单: who signed each level of the current round, when, with what opinion, over which text, and what they changed. */
export async function reviewSheetOf(req: PayloadRequest, article: Article): Promise<ReviewSheet> {
  const [status, events, waivers] = await Promise.all([reviewStatusOf(req, article), eventsOf(req, article.id), waiversOf(req, article.id)])
  const people = await usersById(req, [...events.map((event) => relationId(event.actor)), relationId(article.owner)].filter((id): id is DocumentId => id != null))
  const changes = await changesBySignature(req, article.id, events)
  const deskId = relationId(article.desk)
  const desk = deskId == null ? null : await req.payload.findByID({ collection: 'desks', id: deskId, depth: 0, overrideAccess: true, req, select: { name: true } }).catch(() => null)

  const person = (id: DocumentId | null | undefined, level: ReviewLevel | null): Person | null => {
    if (id == null) return null
    const user = people.get(String(id))
    if (!user) return { id, name: UNKNOWN_PERSON, role: null }
    return { id, name: user.name?.trim() || UNKNOWN_PERSON, role: level ? roleActingFor({ ...user, collection: 'users' }, SIGNING_PERMISSION[level]) : null }
  }
  const signatureOf = (event: Event): SheetSignature => {
    const level = event.level as ReviewLevel
    return {
      level,
      label: REVIEW_LEVEL_LABELS[level],
      round: event.round ?? null,
      signer: person(relationId(event.actor), level),
      signedAt: event.createdAt,
      opinion: event.note ?? null,
      version: event.version || null,
      contentHash: event.contentHash ?? null,
      changes: changes.get(event.id) ?? null,
    }
  }
  const signedNow = new Map([...status.signed].map(([level, signature]) => [level, events.find((event) => event.id === signature.id)!]))
  const signatures = events.filter((event) => event.action === 'sign' && event.level)
  const owner = person(relationId(article.owner), null)

  return {
    article: { id: article.id, title: article.title, desk: desk?.name ?? null, author: owner?.name ?? null, wordCount: bodyCharacterCount(article.body), state: article.workflowState ?? null, round: status.round },
    levels: REVIEW_LEVELS.map((level) => {
      const event = signedNow.get(level)
      const empty = { level, label: REVIEW_LEVEL_LABELS[level], signer: null, signedAt: null, opinion: null, version: null, contentHash: null, changes: null }
      const { round: _round, ...signed } = event ? signatureOf(event) : { ...empty, round: null }
      return { ...signed, required: status.required.includes(level) }
    }),
    proofreading: signatures.filter((event) => event.level === 'proofreading').map(signatureOf),
    returns: events
      .filter((event) => event.action === 'return')
      .map((event) => {
        const level = (event.level as ReviewLevel | null) ?? null
        return { level, label: level ? REVIEW_LEVEL_LABELS[level] : null, round: event.round ?? null, by: person(relationId(event.actor), level), at: event.createdAt, note: event.note ?? null }
      }),
    waivers,
    notice: signatures.length === 0 && article.publishedAt ? PREDATES_REVIEW : null,
  }
}
