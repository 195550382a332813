import { WriteLockTimeout } from './writeLock'

/**
 * Waiting for another process's SQLite write lock without freezing this one. SQLite's own
 * busy timeout waits inside the engine, and libsql runs statements synchronously: while an
 * import or a search rebuild (another process on the same file) holds the lock, every request
 * of the server would stop for up to the whole timeout. So the server's connections give up at
 * once (busy_timeout 0) and the statement is tried again here, after a timer, with the event
 * loop free in between.
 */

/** SQLITE_BUSY and its extended codes (BUSY_RECOVERY, BUSY_SNAPSHOT, BUSY_TIMEOUT); the primary code is the low byte. */
export function isSqliteBusy(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false
  const { code, rawCode } = error as { code?: unknown; rawCode?: unknown }
  if (typeof rawCode === 'number') return (rawCode & 0xff) === 5
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY')
}

export class DatabaseBusyTimeout extends WriteLockTimeout {
  constructor(waitedMs: number) {
    super(waitedMs)
    this.message = `数据库被另一个程序（导入、重建搜索索引或另一个实例）占用超过 ${Math.round(waitedMs / 1000)} 秒，本次写入已放弃，没有改动任何内容，请稍后重试`
    this.name = 'DatabaseBusyTimeout'
  }
}

const FIRST_PAUSE_MS = 2
const LONGEST_PAUSE_MS = 50

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `attempt` until it does not meet SQLITE_BUSY, pausing between tries (doubling from a few
 * milliseconds to 50, each with jitter so two waiting processes do not retry in step), and gives
 * up with DatabaseBusyTimeout once `deadline` (a Date.now() value) has passed. `attempt` must
 * leave nothing behind when it fails with BUSY: a statement outside a transaction, a batch
 * libsql rolls back, BEGIN, or a COMMIT (which SQLite keeps open for a retry).
 */
export async function retryWhileBusy<T>(attempt: () => Promise<T>, deadline: number, startedAt = Date.now()): Promise<T> {
  for (let pauseMs = FIRST_PAUSE_MS; ; pauseMs = Math.min(pauseMs * 2, LONGEST_PAUSE_MS)) {
    try {
      return await attempt()
    } catch (error) {
      if (!isSqliteBusy(error)) throw error
      const left = deadline - Date.now()
      if (left <= 0) throw new DatabaseBusyTimeout(Date.now() - startedAt)
      await pause(Math.min(left, pauseMs / 2 + Math.random() * pauseMs))
    }
  }
}
