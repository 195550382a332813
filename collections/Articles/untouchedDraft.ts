import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import type { Article, User } from '@payload-types'
import { inTransaction } from '@/database/transaction'
import { UNTYPED_ARTICLE_FIELDS } from '@/newsroom/untypedArticleFields'
import type { DocumentId } from '@/data/relationId'

/** Creating and its hooks take well under this; a later save shows as a later `updatedAt`. */
const CREATION_MS = 2_000

const isBlank = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every(isBlank))

type FieldDefault = ((args: { user: PayloadRequest['user']; req: PayloadRequest }) => unknown) | unknown
type TopLevelField = { name: string; defaultValue?: FieldDefault; label?: unknown }

/** Each top-level field's default (an untouched article holds exactly these) and Chinese label. */
function fieldsOf(payload: Payload): Map<string, TopLevelField> {
  const fields = payload.collections.articles.config.flattenedFields as TopLevelField[]
  return new Map(fields.map((field) => [field.name, field]))
}

const chineseLabel = (field: TopLevelField | undefined, name: string) => (field?.label as { zh?: string } | undefined)?.zh ?? name

/**
 * A value as a new article's form gives it, to compare with a field's default: array rows
 * without the ids the database gave them, related documents by id, keys in one order.
 */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value as Record<string, unknown>).filter(([key]) => key !== 'id')
  return Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, inner && typeof inner === 'object' && 'id' in inner ? (inner as { id: unknown }).id : comparable(inner)]))
}

/** Whether the value is the field's default for this user: a function default, such as the writer's own byline (ownByline.ts), is asked afresh. */
async function isDefault(field: TopLevelField | undefined, value: unknown, req: PayloadRequest): Promise<boolean> {
  if (field?.defaultValue === undefined) return false
  const fallback = typeof field.defaultValue === 'function' ? await field.defaultValue({ user: req.user, req }) : field.defaultValue
  return JSON.stringify(comparable(fallback)) === JSON.stringify(comparable(value))
}

/**
 * Why this article may NOT be discarded as an empty draft nobody typed into, or null when it
 * may: Payload's admin creates the article the moment someone opens 创建新条目 (autosave), so
 * a click that is never typed into would leave an empty draft behind. Only the owner's own
 * draft, never published, never saved after it was created (one version, no later
 * `updatedAt`), with every field empty or at its default, no workflow history and no comments.
 */
export async function notDiscardableBecause(req: PayloadRequest, article: Article): Promise<string | null> {
  const { payload, user } = req
  const ownerId = typeof article.owner === 'object' && article.owner ? article.owner.id : article.owner
  if (!user || ownerId === null || ownerId === undefined || String(ownerId) !== String(user.id)) return '只有稿件所有人可以放弃自己的空白稿件'
  if (article._status !== 'draft' || article.workflowState !== 'draft' || article.publishedAt) return '稿件已进入流程或发布过'
  const fields = fieldsOf(payload)
  const candidates = Object.entries(article).filter(([key, value]) => !UNTYPED_ARTICLE_FIELDS.has(key) && !isBlank(value))
  const atDefault = await Promise.all(candidates.map(([key, value]) => isDefault(fields.get(key), value, req)))
  const filled = candidates.filter((_, index) => !atDefault[index])
  if (filled.length > 0) return `稿件已有内容（${filled.map(([key]) => chineseLabel(fields.get(key), key)).join('、')}）`
  // After what it holds, so the refusal names the fields typed into however long the save took to come.
  if (Date.parse(article.updatedAt) - Date.parse(article.createdAt) > CREATION_MS) return '稿件在创建后保存过'
  const where = { article: { equals: article.id } }
  const [versions, events, comments] = await Promise.all([
    payload.countVersions({ collection: 'articles', where: { parent: { equals: article.id } }, req }),
    payload.count({ collection: 'workflow-events', where, overrideAccess: true, req }),
    payload.count({ collection: 'editorial-comments', where, overrideAccess: true, req }),
  ])
  if (versions.totalDocs > 1 || events.totalDocs > 0 || comments.totalDocs > 0) return '稿件已有版本记录、流程记录或批注'
  return null
}

/**
 * Deletes the article if it is an untouched draft of `req.user`'s (notDiscardableBecause), in one
 * transaction with the check, so a save that lands first keeps it. `problem` is null when it
 * was deleted, else why not; the article must be readable by `req.user` (NotFound otherwise).
 */
export function discardIfUntouched(req: PayloadRequest, id: DocumentId): Promise<{ id: Article['id']; problem: string | null }> {
  return inTransaction(req, async () => {
    const article = await req.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: false, req })
    const problem = await notDiscardableBecause(req, article)
    // A journalist may not delete articles; an empty draft of their own that they never typed into is not one to keep.
    if (!problem) await req.payload.delete({ collection: 'articles', id: article.id, overrideAccess: true, req })
    return { id: article.id, problem }
  })
}

/**
 * An empty new article whose owner closed the tab (the edit view could not ask for it to go)
 * is discarded once it has waited this long: long enough that a tab left open overnight
 * still has its article in the morning.
 */
export const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000
const SWEEP_BATCH = 50

/** Discards, each in its own transaction and on its owner's behalf, the empty drafts left for longer than ABANDONED_AFTER_MS. */
export async function discardAbandonedDrafts(payload: Payload, now: Date = new Date()): Promise<DocumentId[]> {
  const cutoff = new Date(now.getTime() - ABANDONED_AFTER_MS).toISOString()
  const { docs } = await payload.find({
    collection: 'articles',
    draft: true,
    depth: 0,
    limit: SWEEP_BATCH,
    pagination: false,
    overrideAccess: true,
    // A text field never set is missing on MongoDB and null on SQLite: `exists: false` alone finds only the first.
    where: { and: [{ workflowState: { equals: 'draft' } }, { or: [{ title: { exists: false } }, { title: { equals: null } }] }, { createdAt: { less_than: cutoff } }] },
    select: { owner: true },
  })
  const discarded: DocumentId[] = []
  for (const { id, owner } of docs) {
    const ownerId = typeof owner === 'object' && owner ? owner.id : owner
    if (ownerId === null || ownerId === undefined) continue
    const user = await payload.findByID({ collection: 'users', id: ownerId, depth: 0, overrideAccess: true }).catch(() => null)
    if (!user) continue
    const req = await createLocalReq({ user: { ...(user as User), collection: 'users' } }, payload)
    try {
      if ((await discardIfUntouched(req, id)).problem === null) discarded.push(id)
    } catch (error) {
      payload.logger.error({ err: error, msg: `清理空白稿件 ${id} 失败` })
    }
  }
  return discarded
}
