import { createLocalReq, type Payload, type PayloadRequest } from 'payload'

import { inTransaction } from '@/database/transaction'
import type { DocumentId } from '@/data/relationId'
import { syncArticleInIndex } from './indexer'
import { searchStoreFor } from './store'

/**
 * How long after a draft save or an autosave the article's staff entry is brought up to date.
 * Re-indexing reads the article twice with its relations and rewrites its full-text rows;
 * done inside every autosave (every 3 s per open editor) it was a quarter of the save.
 * Staff searching for a draft find it by its text of a few seconds before.
 */
export const STAFF_INDEX_DELAY_MS = 5_000

type Pending = { timer: ReturnType<typeof setTimeout>; run: () => Promise<void> }
const pendingByPayload = new WeakMap<Payload, Map<string, Pending>>()

/**
 * Re-indexes the article in a transaction of its own, so on SQLite it holds the write lock
 * from its reads to its write and cannot put back an older public entry over a publication
 * that committed meanwhile. Clears the article's stale mark.
 */
async function syncOnItsOwn(payload: Payload, id: DocumentId): Promise<void> {
  const req = await createLocalReq({}, payload)
  await inTransaction(req, () => syncArticleInIndex(payload, id, req))
}

function schedule(payload: Payload, id: DocumentId): void {
  const pending = pendingByPayload.get(payload) ?? new Map<string, Pending>()
  pendingByPayload.set(payload, pending)
  const key = String(id)
  if (pending.has(key)) return
  const run = async () => {
    pending.delete(key)
    try {
      await syncOnItsOwn(payload, id)
    } catch (error) {
      // The stale mark stays: the next save of the article, or the next boot, tries again.
      payload.logger.error({ err: error, msg: `稿件 ${key} 的检索条目未能更新，下次保存或重启时重试（staff search entry not updated）` })
    }
  }
  const timer = setTimeout(() => void run(), STAFF_INDEX_DELAY_MS)
  // A server stopping does not wait for it: the stale mark brings it back at the next boot.
  timer.unref()
  pending.set(key, { timer, run })
}

/**
 * For a save that changed only what staff find: marks the article's entries stale inside the
 * save's transaction, and re-indexes it once, a few seconds from now, from what is stored then,
 * however many saves come meanwhile.
 */
export async function syncStaffEntrySoon(req: PayloadRequest, id: DocumentId): Promise<void> {
  await (await searchStoreFor(req.payload)).markStale(id, req)
  schedule(req.payload, id)
}

/** Runs every scheduled re-index now (a test reading the index, a database about to close). */
export async function flushStaffEntries(payload: Payload): Promise<void> {
  const pending = pendingByPayload.get(payload)
  if (!pending) return
  const runs = [...pending.values()]
  pending.clear()
  for (const { timer, run } of runs) {
    clearTimeout(timer)
    await run()
  }
}

/** At boot: re-indexes the articles whose re-index a stop or a crash cut short. */
export async function syncStaleEntries(payload: Payload): Promise<number> {
  const stale = await (await searchStoreFor(payload)).staleArticles()
  for (const id of stale) await syncOnItsOwn(payload, id)
  return stale.length
}
