import { createLocalReq, type Payload } from 'payload'

import { inTransaction } from '../database/transaction'
import type { DocumentId } from '../data/relationId'
import { syncArticleInIndex } from './indexer'

/**
 * How long after a draft save or an autosave the article's staff entry is brought up to date.
 * Re-indexing reads the article twice with its relations and rewrites its full-text rows;
 * done inside every autosave (every 3 s per open editor) it was the larger part of the save.
 * Staff searching for a draft find it by its text of a few seconds before.
 */
export const STAFF_INDEX_DELAY_MS = 5_000

type Pending = { timer: ReturnType<typeof setTimeout>; run: () => Promise<void> }
const pendingByPayload = new WeakMap<Payload, Map<string, Pending>>()

/**
 * Re-indexes the article once, a few seconds from now, from what is stored then: any number of
 * saves meanwhile cost one re-index. It runs in a transaction of its own, so on SQLite it holds
 * the write lock from its reads to its write and cannot put back an older public entry over a
 * publication that committed meanwhile. A failure is logged and tried once more.
 */
export function syncStaffEntrySoon(payload: Payload, id: DocumentId): void {
  const pending = pendingByPayload.get(payload) ?? new Map<string, Pending>()
  pendingByPayload.set(payload, pending)
  const key = String(id)
  if (pending.has(key)) return
  const run = async (attempt = 1): Promise<void> => {
    pending.delete(key)
    try {
      const req = await createLocalReq({}, payload)
      await inTransaction(req, () => syncArticleInIndex(payload, id, req))
    } catch (error) {
      payload.logger.error({ err: error, msg: `稿件 ${key} 的检索条目更新失败${attempt === 1 ? '，稍后重试' : ''}（staff search entry not updated）` })
      if (attempt === 1 && !pending.has(key)) schedule(() => run(2))
    }
  }
  const schedule = (work: () => Promise<void>) => {
    const timer = setTimeout(() => void work(), STAFF_INDEX_DELAY_MS)
    // A server stopping does not wait for it; the next save of the article schedules it again.
    timer.unref()
    pending.set(key, { timer, run: work })
  }
  schedule(() => run())
}

/** Runs every scheduled re-index now (a server shutting down, a test reading the index). */
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
