import { Worker } from 'node:worker_threads'

/**
 * Work SQLite would otherwise do inside a COMMIT, on the event loop's thread (libsql runs
 * statements there), done instead by a worker thread with a connection of its own:
 *
 * - Checkpoints. SQLite copies its write-ahead log back into the database file on whichever
 *   connection commits once the log passes 1,000 pages, before that COMMIT returns. After
 *   `npm run import` or `npm run search:rebuild` had written tens of megabytes of log from
 *   their own process, the server's next autosave copied them all while every request waited:
 *   COMMITs of 700–930 ms under the soak. So this process's connections never checkpoint
 *   (`wal_autocheckpoint = 0`, sqliteConnection.ts) and the thread runs a passive checkpoint
 *   every second: it copies what no reader still needs and never waits for a writer.
 * - Merges of full-text indexes. FTS5 merges its index segments at the end of the writing
 *   transaction; at 10,000 articles a save's COMMIT took up to 1,010 ms doing so. Tables that
 *   switch that off (`automerge` 0, the search index's migration) are merged here, a bounded
 *   amount each second; the write lock is held for that while, the event loop never.
 */
export const MAINTENANCE_ROUND_MS = 1_000
/** Pages of merged index one round may write per table: a few milliseconds of the write lock. */
const MERGE_PAGES = 200

// Plain CommonJS for `eval`: the worker is not part of the bundle Next.js builds, and resolves
// @libsql/client from the working directory (the project's root, where npm start runs).
const MAINTENANCE_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createClient } = require('@libsql/client')
// A passive checkpoint never waits for a lock. A merge waits briefly for a writer's, and when
// the database stays busy it is left to the next round: waiting longer would hold back the
// next checkpoint, and writers matter more.
const connect = async () => {
  const connection = createClient({ url: workerData.url })
  await connection.execute('PRAGMA busy_timeout = 250').catch(() => {})
  return connection
}
const isBusy = (error) => /SQLITE_BUSY|database is locked/.test(String(error && (error.code || '') + ' ' + error.message))
let client
let stopped = false
const reported = new Set()
parentPort.once('message', () => (stopped = true))
const attempt = async (task, statement) => {
  try {
    await client.execute(statement)
    reported.delete(task)
  } catch (error) {
    if (isBusy(error)) return
    if (!reported.has(task)) parentPort.postMessage({ problem: task + '：' + String(error && error.message) })
    reported.add(task)
    // A statement that failed mid-way can leave the connection unable to checkpoint ("database
    // table is locked"): the next round starts on a fresh one.
    client.close()
    client = await connect()
  }
}
const quoted = (name) => '"' + name.replace(/"/g, '""') + '"'
;(async () => {
  client = await connect()
  while (!stopped) {
    await attempt('检查点', 'PRAGMA wal_checkpoint(PASSIVE)')
    const fts = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'").catch(() => ({ rows: [] }))
    for (const { name } of fts.rows) {
      const config = await client.execute('SELECT v FROM ' + quoted(name + '_config') + " WHERE k = 'automerge'").catch(() => ({ rows: [] }))
      if (config.rows.length && Number(config.rows[0].v) === 0) await attempt('全文索引合并', 'INSERT INTO ' + quoted(name) + '(' + quoted(name) + ", rank) VALUES ('merge', " + workerData.mergePages + ')')
    }
    await new Promise((resolve) => setTimeout(resolve, workerData.everyMs))
  }
  client.close()
  parentPort.postMessage({ stopped: true })
})()
`

export type MaintenanceThread = { stop: () => Promise<void> }

export function startMaintenanceThread(url: string, warn: (message: string) => void, everyMs = MAINTENANCE_ROUND_MS): MaintenanceThread {
  const worker = new Worker(MAINTENANCE_SOURCE, { eval: true, workerData: { url, everyMs, mergePages: MERGE_PAGES } })
  // A process that has finished its work (a CLI, a test) exits without stopping it first.
  worker.unref()
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (message: { problem?: string; stopped?: boolean }) => {
      if (message.problem) warn(`SQLite 维护线程失败（将在一秒后重试）：${message.problem}`)
      if (message.stopped) resolve()
    })
    worker.once('exit', () => resolve())
  })
  worker.on('error', (error) => warn(`SQLite 维护线程出错：${error.message}`))
  return {
    stop: async () => {
      worker.postMessage('stop')
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2 * everyMs + 5_000).unref())])
      await worker.terminate()
    },
  }
}
