import { type ChildProcess, spawn } from 'node:child_process'

/**
 * Another process on the test's SQLite file, as `npm run import` or a second app instance would
 * be: it takes SQLite's write lock (BEGIN IMMEDIATE), holds it for `holdMs`, then commits.
 * `held` resolves once the lock is taken; `released` with the time (Date.now(), in the other process) it let go.
 */
export type LockHolder = { held: Promise<void>; released: Promise<number>; child: ChildProcess }

const HOLDER_SCRIPT = `
import { createClient } from '@libsql/client'
const [url, holdMs] = process.argv.slice(-2)
const client = createClient({ url })
await client.execute('BEGIN IMMEDIATE')
process.stdout.write('held\\n')
await new Promise((resolve) => setTimeout(resolve, Number(holdMs)))
const releasedAt = Date.now()
await client.execute('COMMIT')
process.stdout.write('released at ' + releasedAt + '\\n')
client.close()
`

export function holdSqliteWriteLock(databaseUri: string, holdMs: number): LockHolder {
  const child = spawn(process.execPath, ['--input-type=module', '-e', HOLDER_SCRIPT, databaseUri, String(holdMs)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] })
  let onHeld: () => void
  let onReleased: (at: number) => void
  const held = new Promise<void>((resolve) => (onHeld = resolve))
  const released = new Promise<number>((resolve, reject) => {
    onReleased = resolve
    child.on('exit', (code) => (code === 0 ? undefined : reject(new Error(`持锁进程退出码 ${code}`))))
  })
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    if (chunk.includes('held')) onHeld()
    const release = /released at (\d+)/.exec(chunk)
    if (release) onReleased(Number(release[1]))
  })
  return { held, released, child }
}
