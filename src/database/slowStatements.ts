import type { Client, InStatement } from '@libsql/client'

/**
 * libsql runs every SQLite statement synchronously on the event loop's thread: while one runs,
 * the server answers nothing else. A statement slower than this is logged with its SQL, so
 * what stalls the server shows in its log (docs/performance.md, "What blocks the event loop"). At most one
 * line per statement shape a minute, with how often it was slow meanwhile.
 */
export const SLOW_STATEMENT_MS = Number(process.env.SQLITE_SLOW_STATEMENT_MS) > 0 ? Number(process.env.SQLITE_SLOW_STATEMENT_MS) : 50
const LOG_EVERY_MS = 60_000

export type SlowStatementLogger = { warn: (message: string) => void }

const sqlOf = (statement: InStatement): string => (typeof statement === 'string' ? statement : statement.sql)

export function createSlowStatementLog(logger: () => SlowStatementLogger | undefined, thresholdMs = SLOW_STATEMENT_MS) {
  const shapes = new Map<string, { loggedAt: number; unlogged: number; worstMs: number }>()
  return function noteDuration(sql: string, ms: number): void {
    if (ms < thresholdMs) return
    const shape = sql.replace(/\s+/g, ' ').trim().slice(0, 160)
    const seen = shapes.get(shape) ?? { loggedAt: -Infinity, unlogged: 0, worstMs: 0 }
    seen.unlogged += 1
    seen.worstMs = Math.max(seen.worstMs, ms)
    shapes.set(shape, seen)
    const now = Date.now()
    if (now - seen.loggedAt < LOG_EVERY_MS) return
    logger()?.warn(`SQLite 语句执行 ${Math.round(ms)} ms，事件循环期间停顿（一分钟内慢 ${seen.unlogged} 次，最长 ${Math.round(seen.worstMs)} ms）：${shape}`)
    Object.assign(seen, { loggedAt: now, unlogged: 0, worstMs: 0 })
  }
}

/** Times each statement of a connection; the time a call takes before it returns is the time the event loop was blocked. */
export function timeStatements(client: Client, noteDuration: (sql: string, ms: number) => void): Client {
  const execute = client.execute.bind(client) as (statement: InStatement) => ReturnType<Client['execute']>
  const batch = client.batch.bind(client)
  return Object.assign(client, {
    execute: (statement: InStatement) => {
      const started = performance.now()
      const result = execute(statement)
      noteDuration(sqlOf(statement), performance.now() - started)
      return result
    },
    batch: (statements: InStatement[], mode?: Parameters<Client['batch']>[1]) => {
      const started = performance.now()
      const result = batch(statements, mode)
      noteDuration(`batch of ${statements.length}: ${statements.length ? sqlOf(statements[0]) : ''}`, performance.now() - started)
      return result
    },
  })
}
