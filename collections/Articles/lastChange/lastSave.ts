import type { Payload, PayloadRequest } from 'payload'
import type { DocumentId } from '@/data/relationId'

/** Who made an article's latest save, kept beside it in Payload's key-value store (no schema change). */
export type LastSave = { userId: DocumentId | null; name: string | null; at: string }

/** The person behind an article's current version, as a save on an older copy is told it. */
export type LastChange = { changedAt: string; changedBy: { id: DocumentId | null; name: string } | null; byYou: boolean }

/** Payload's default key-value store is this collection (payload_kv): writing it through the
 *  database adapter with the request keeps the record in the save's own transaction. */
const KV_COLLECTION = 'payload-kv' as const
/** Saves made with no signed-in user: the scheduler's timed publications and withdrawals. */
const SYSTEM_NAME = '定时任务'

const keyOf = (articleId: DocumentId) => `articles:last-save:${articleId}`

const kvCollectionExists = (payload: Payload) => KV_COLLECTION in (payload.collections as Record<string, unknown>)

/** Records who saved `articleId` at `at`, inside the request's transaction, so it commits or rolls back with the save. */
export async function rememberLastSave(req: PayloadRequest, articleId: DocumentId, at: string): Promise<void> {
  const user = req.user as { id: DocumentId; name?: string | null } | null | undefined
  const data: LastSave = { userId: user?.id ?? null, name: user ? (user.name ?? null) : SYSTEM_NAME, at }
  const key = keyOf(articleId)
  if (!kvCollectionExists(req.payload)) return req.payload.kv.set(key, data)
  await req.payload.db.upsert({ collection: KV_COLLECTION, data: { key, data }, req, where: { key: { equals: key } }, returning: false })
}

export async function forgetLastSave(req: PayloadRequest, articleId: DocumentId): Promise<void> {
  const key = keyOf(articleId)
  if (!kvCollectionExists(req.payload)) return req.payload.kv.delete(key)
  await req.payload.db.deleteOne({ collection: KV_COLLECTION, req, where: { key: { equals: key } }, returning: false })
}

/**
 * Who changed the article to the version saved at `updatedAt`: named only when the record
 * is of that very save (a save made outside the hooks, such as an older server's, leaves
 * an older record, and then nobody is named rather than the wrong person).
 */
export async function describeLastChange(payload: Payload, articleId: DocumentId, updatedAt: string, viewer: { id: DocumentId } | null | undefined): Promise<LastChange> {
  const last = await payload.kv.get<LastSave>(keyOf(articleId)).catch(() => null)
  if (!last || Date.parse(last.at) !== Date.parse(updatedAt)) return { changedAt: updatedAt, changedBy: null, byYou: false }
  const byYou = Boolean(viewer && last.userId !== null && String(last.userId) === String(viewer.id))
  return { changedAt: updatedAt, changedBy: { id: last.userId, name: last.name?.trim() || '未署名用户' }, byYou }
}
