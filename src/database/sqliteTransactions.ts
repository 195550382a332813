import { type Client, type Config, createClient, type InStatement, type ResultSet, type Transaction } from '@libsql/client'
import { APIError } from 'payload'

import { type Release, WriteLock, WriteLockTimeout } from './writeLock'

/**
 * Transactions on the embedded SQLite database, made safe for a server that handles many
 * requests at once. Payload's SQLite adapter has none unless asked, and the libsql client it
 * would use for them is built for one caller: `transaction()` hands its connection to the
 * transaction and quietly opens a new one without the busy timeout, leaks the old connection
 * after COMMIT, and a second writer meets SQLite's lock synchronously, freezing the process.
 *
 * So this module owns the connections: one for reads (and for the few writes Payload makes
 * outside transactions, such as counting failed logins), one that only ever runs
 * transactions, and a write lock that lets one transaction or stray write through at a time.
 * Reads never wait: in WAL mode they see the last committed state while a transaction runs.
 *
 * A COMMIT that fails (a full disk, an I/O error) is reported: Payload's adapter would
 * swallow it and answer the save as if it had been stored.
 */

/** The parts of @payloadcms/db-sqlite's adapter object this module takes over. */
export type SqliteAdapterInternals = {
  client?: Client
  clientConfig: Config
  busyTimeout: number
  wal: false | { journalSizeLimit: number; synchronous: string }
  connect: (options?: { hotReload: boolean }) => Promise<void>
  destroy?: () => Promise<void>
  beginTransaction: (options?: unknown) => Promise<null | number | string>
  commitTransaction: (id: number | Promise<number | string> | string) => Promise<void>
  rollbackTransaction: (id: number | Promise<number | string> | string) => Promise<void>
}

/** How long a write may wait for the one before it; a save far slower than this is a fault. */
export const WRITE_QUEUE_TIMEOUT_MS = 30_000

const READ_STATEMENT = /^\s*(select|explain)\b/i
const sqlOf = (statement: InStatement): string => (typeof statement === 'string' ? statement : statement.sql)

async function openConnection(adapter: SqliteAdapterInternals): Promise<Client> {
  const client = createClient(adapter.clientConfig)
  if (adapter.busyTimeout > 0) await client.execute(`PRAGMA busy_timeout = ${adapter.busyTimeout}`)
  if (adapter.wal) {
    const { rows } = await client.execute('PRAGMA journal_mode')
    if (rows[0]?.journal_mode !== 'wal') {
      await client.execute('PRAGMA journal_mode = WAL')
      await client.execute(`PRAGMA journal_size_limit = ${adapter.wal.journalSizeLimit}`)
    }
    await client.execute(`PRAGMA synchronous = ${adapter.wal.synchronous}`)
  }
  return client
}

/** A transaction on the writer connection, which runs nothing else while the write lock is held. */
class WriterTransaction implements Transaction {
  closed = false
  commitFailure: unknown = null

  constructor(private readonly writer: Client) {}

  async execute(statement: InStatement): Promise<ResultSet> {
    if (this.closed) throw new Error('SQLite 事务已经结束，不能再执行语句')
    return this.writer.execute(statement)
  }

  async batch(statements: InStatement[]): Promise<ResultSet[]> {
    const results: ResultSet[] = []
    for (const statement of statements) results.push(await this.execute(statement))
    return results
  }

  async executeMultiple(): Promise<void> {
    throw new Error('SQLite 事务内不支持 executeMultiple')
  }

  async commit(): Promise<void> {
    if (this.closed) throw new Error('SQLite 事务已经结束，不能提交')
    try {
      await this.writer.execute('COMMIT')
      this.closed = true
    } catch (error) {
      this.commitFailure = error
      await this.rollback()
      throw error
    }
  }

  async rollback(): Promise<void> {
    if (this.closed) return
    this.closed = true
    // A failed COMMIT may already have rolled back; "no transaction is active" is then expected.
    await this.writer.execute('ROLLBACK').catch(() => undefined)
  }

  close(): void {
    void this.rollback()
  }
}

function queueTimeoutAsApiError(error: unknown): never {
  if (error instanceof WriteLockTimeout) throw new APIError(error.message, 503, undefined, true)
  throw error
}

/** Writes on the read connection happen outside transactions; they queue behind the transaction that holds the lock. */
function queueStrayWrites(client: Client, lock: WriteLock): void {
  const execute = client.execute.bind(client) as (statement: InStatement) => Promise<ResultSet>
  const batch = client.batch.bind(client)
  const executeMultiple = client.executeMultiple.bind(client)
  const migrate = client.migrate.bind(client)
  const queued = <T>(write: () => Promise<T>) => lock.run(write).catch(queueTimeoutAsApiError)
  Object.assign(client, {
    execute: (statement: InStatement) => (READ_STATEMENT.test(sqlOf(statement)) ? execute(statement) : queued(() => execute(statement))),
    batch: (...args: Parameters<Client['batch']>) => queued(() => batch(...args)),
    executeMultiple: (sql: string) => queued(() => executeMultiple(sql)),
    migrate: (statements: InStatement[]) => queued(() => migrate(statements)),
  })
}

export function serialiseSqliteWrites(adapter: SqliteAdapterInternals, queueTimeoutMs = WRITE_QUEUE_TIMEOUT_MS): void {
  const lock = new WriteLock(queueTimeoutMs)
  const open = new Map<string, { release: Release; transaction: WriterTransaction }>()
  let writer: Client | null = null
  let starting: WriterTransaction | null = null

  const { connect, destroy, beginTransaction, commitTransaction, rollbackTransaction } = adapter

  adapter.connect = async function connectWithOwnConnections(options) {
    if (!adapter.client) {
      const reader = await openConnection(adapter)
      const transactionsOnly = await openConnection(adapter)
      writer = transactionsOnly
      queueStrayWrites(reader, lock)
      reader.transaction = async () => {
        if (!lock.busy) throw new Error('SQLite 事务只能通过 payload.db.beginTransaction 开始，以便排队写入')
        await transactionsOnly.execute('BEGIN IMMEDIATE')
        starting = new WriterTransaction(transactionsOnly)
        return starting
      }
      // Payload's connect keeps a client it finds and skips its own setup, done above for both connections.
      adapter.client = reader
    }
    return connect.call(adapter, options)
  }

  adapter.destroy = async function destroyWithConnections() {
    await destroy?.call(adapter)
    adapter.client?.close()
    writer?.close()
    adapter.client = undefined
    writer = null
  }

  adapter.beginTransaction = async function beginQueuedTransaction(options) {
    const release = await lock.acquire().catch(queueTimeoutAsApiError)
    try {
      starting = null
      const id = await beginTransaction.call(adapter, options)
      if (id == null || !starting) {
        release()
        return id
      }
      open.set(String(id), { release, transaction: starting })
      return id
    } catch (error) {
      release()
      throw error
    }
  }

  const settle = async (incoming: number | Promise<number | string> | string) => {
    const id = String(await incoming)
    const entry = open.get(id)
    open.delete(id)
    entry?.release()
    return entry
  }

  adapter.commitTransaction = async function commitQueuedTransaction(incoming) {
    let entry
    try {
      await commitTransaction.call(adapter, incoming)
    } finally {
      entry = await settle(incoming)
    }
    const failure = entry?.transaction.commitFailure
    if (failure) throw new APIError(`保存没有写入数据库（提交事务失败：${failure instanceof Error ? failure.message : String(failure)}），请重试`, 500)
  }

  adapter.rollbackTransaction = async function rollbackQueuedTransaction(incoming) {
    try {
      await rollbackTransaction.call(adapter, incoming)
    } finally {
      await settle(incoming)
    }
  }
}
