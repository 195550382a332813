import { Worker } from 'node:worker_threads'

/**
 * SQLite copies its write-ahead log back into the database file (a checkpoint) on whichever
 * connection commits once the log passes 1,000 pages, before that COMMIT returns, and libsql
 * runs statements on the event loop's thread. After `npm run import` or `npm run
 * search:rebuild` had written tens of megabytes of log from their own process, the server's
 * next autosave copied them all while every request waited: COMMITs of 700–930 ms under the
 * soak, and stretches of seconds in which the server did not even accept connections. So
 * this process's connections never checkpoint (`wal_autocheckpoint = 0`, sqliteConnection.ts)
 * and a worker thread with a connection of its own runs a passive checkpoint every second: it
 * copies what no reader still needs, never waits for a writer, and blocks only its own thread.
 */
const CHECKPOINT_EVERY_MS = 1_000

// Plain CommonJS for `eval`: the worker is not part of the bundle Next.js builds, and resolves
// @libsql/client from the working directory (the project's root, where npm start runs).
const CHECKPOINTER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const { createClient } = require('@libsql/client')
const client = createClient({ url: workerData.url })
let stopped = false
let reported = false
parentPort.once('message', () => (stopped = true))
;(async () => {
  // Waiting for another checkpoint blocks this thread only.
  await client.execute('PRAGMA busy_timeout = 5000').catch(() => {})
  while (!stopped) {
    try {
      await client.execute('PRAGMA wal_checkpoint(PASSIVE)')
      reported = false
    } catch (error) {
      if (!reported) parentPort.postMessage({ problem: String(error && error.message) })
      reported = true
    }
    await new Promise((resolve) => setTimeout(resolve, workerData.everyMs))
  }
  client.close()
  parentPort.postMessage({ stopped: true })
})()
`

export type WalCheckpointer = { stop: () => Promise<void> }

export function startWalCheckpointer(url: string, warn: (message: string) => void, everyMs = CHECKPOINT_EVERY_MS): WalCheckpointer {
  const worker = new Worker(CHECKPOINTER_SOURCE, { eval: true, workerData: { url, everyMs } })
  // A process that has finished its work (a CLI, a test) exits without stopping it first.
  worker.unref()
  const stopped = new Promise<void>((resolve) => {
    worker.on('message', (message: { problem?: string; stopped?: boolean }) => {
      if (message.problem) warn(`SQLite 预写日志检查点失败（将在一秒后重试）：${message.problem}`)
      if (message.stopped) resolve()
    })
    worker.once('exit', () => resolve())
  })
  worker.on('error', (error) => warn(`SQLite 检查点线程出错：${error.message}`))
  return {
    stop: async () => {
      worker.postMessage('stop')
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2 * everyMs + 5_000).unref())])
      await worker.terminate()
    },
  }
}
