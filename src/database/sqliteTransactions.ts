import type { Client, Config, InStatement, ResultSet, Transaction } from '@libsql/client'
import { APIError } from 'payload'

import { DatabaseBusyTimeout, retryWhileBusy } from './sqliteBusy'
import { createSlowStatementLog, type SlowStatementLogger } from './slowStatements'
import { openConnection, RenewableConnection } from './sqliteConnection'
import { type MaintenanceThread, startMaintenanceThread } from './maintenanceThread'
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
 * Other processes on the same file (an import, a search rebuild, a second instance) are not
 * in that queue: meeting their lock, a statement fails with SQLITE_BUSY at once and is retried
 * after a timer (./sqliteBusy) on a fresh connection (./sqliteConnection), so the event loop
 * never waits inside SQLite.
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
  payload?: { logger: SlowStatementLogger }
  connect: (options?: { hotReload: boolean }) => Promise<void>
  destroy?: () => Promise<void>
  beginTransaction: (options?: unknown) => Promise<null | number | string>
  commitTransaction: (id: number | Promise<number | string> | string) => Promise<void>
  rollbackTransaction: (id: number | Promise<number | string> | string) => Promise<void>
}

/**
 * How long a write may wait for the ones before it, in this process and in others; a save far
 * slower than this is a fault. SQLITE_WRITE_TIMEOUT_MS overrides it (tests use a short one).
 */
export const WRITE_QUEUE_TIMEOUT_MS = Number(process.env.SQLITE_WRITE_TIMEOUT_MS) > 0 ? Number(process.env.SQLITE_WRITE_TIMEOUT_MS) : 30_000

const READ_STATEMENT = /^\s*(select|explain)\b/i
const sqlOf = (statement: InStatement): string => (typeof statement === 'string' ? statement : statement.sql)

/** A transaction on the writer connection, which runs nothing else while the write lock is held. */
class WriterTransaction implements Transaction {
  closed = false
  commitFailure: unknown = null

  constructor(
    private readonly writer: Client,
    private readonly timeoutMs: number,
    private readonly afterFailedCommit: () => Promise<void>,
  ) {}

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
      // In WAL mode a COMMIT rarely meets another process's lock, but when it does SQLite keeps
      // the transaction open for the COMMIT to be tried again.
      await retryWhileBusy(() => this.writer.execute('COMMIT'), Date.now() + this.timeoutMs)
      this.closed = true
    } catch (error) {
      this.commitFailure = error
      await this.rollback()
      await this.afterFailedCommit()
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

/**
 * Writes on the read connection happen outside transactions; they queue behind the transaction
 * that holds the lock, then retry while another process writes. Reads retry too: in WAL mode
 * they meet SQLITE_BUSY only while another connection recovers or resets the log, briefly.
 * executeMultiple is not retried, as a failure may leave some of its statements applied.
 */
function readerClient(connection: RenewableConnection, lock: WriteLock, timeoutMs: number): Client {
  const queued = <T>(write: (client: Client) => Promise<T>) => {
    const startedAt = Date.now()
    return lock.run(() => connection.run(write, startedAt + timeoutMs, startedAt)).catch(queueTimeoutAsApiError)
  }
  const read = (statement: InStatement) => connection.run((client) => client.execute(statement), Date.now() + timeoutMs).catch(queueTimeoutAsApiError)
  return {
    get closed() {
      return connection.client.closed
    },
    protocol: 'file',
    execute: ((statement: InStatement) => (READ_STATEMENT.test(sqlOf(statement)) ? read(statement) : queued((client) => client.execute(statement)))) as Client['execute'],
    batch: (...args: Parameters<Client['batch']>) => queued((client) => client.batch(...args)),
    executeMultiple: (sql: string) => lock.run(() => connection.client.executeMultiple(sql)).catch(queueTimeoutAsApiError),
    migrate: (statements: InStatement[]) => queued((client) => client.migrate(statements)),
    transaction: () => Promise.reject(new Error('SQLite 事务只能通过 payload.db.beginTransaction 开始，以便排队写入')),
    sync: () => connection.client.sync(),
    close: () => connection.close(),
  }
}

export function serialiseSqliteWrites(adapter: SqliteAdapterInternals, queueTimeoutMs = WRITE_QUEUE_TIMEOUT_MS): void {
  const lock = new WriteLock(queueTimeoutMs)
  const open = new Map<string, { release: Release; transaction: WriterTransaction }>()
  let writer: RenewableConnection | null = null
  let maintenance: MaintenanceThread | null = null
  /** Begun by beginQueuedTransaction, handed to Payload's adapter when it asks the client for a transaction. */
  let begun: WriterTransaction | null = null

  const { connect, destroy, beginTransaction, commitTransaction, rollbackTransaction } = adapter

  adapter.connect = async function connectWithOwnConnections(options) {
    if (!adapter.client) {
      const noteDuration = createSlowStatementLog(() => adapter.payload?.logger)
      const connect = () => openConnection({ ...adapter, noteDuration }, queueTimeoutMs)
      const reader = readerClient(await RenewableConnection.open(connect), lock, queueTimeoutMs)
      writer = await RenewableConnection.open(connect)
      reader.transaction = async () => {
        if (!lock.busy || !begun) throw new Error('SQLite 事务只能通过 payload.db.beginTransaction 开始，以便排队写入')
        const transaction = begun
        begun = null
        return transaction
      }
      // Payload's connect keeps a client it finds and skips its own setup, done above for both connections.
      adapter.client = reader
      if (adapter.wal) maintenance = startMaintenanceThread(String(adapter.clientConfig.url), (message) => adapter.payload?.logger.warn(message))
    }
    return connect.call(adapter, options)
  }

  adapter.destroy = async function destroyWithConnections() {
    await destroy?.call(adapter)
    adapter.client?.close()
    writer?.close()
    await maintenance?.stop()
    maintenance = null
    adapter.client = undefined
    writer = null
  }

  adapter.beginTransaction = async function beginQueuedTransaction(options) {
    const startedAt = Date.now()
    const release = await lock.acquire().catch(queueTimeoutAsApiError)
    let transaction: WriterTransaction | null = null
    try {
      if (!writer) throw new Error('SQLite 数据库尚未连接')
      const connection = writer
      // BEGIN here, before Payload's adapter asks for the transaction: its beginTransaction
      // rethrows any failure as a plain Error, which would turn a busy database into a 500.
      const client = await connection.run(async (client) => (await client.execute('BEGIN IMMEDIATE'), client), startedAt + queueTimeoutMs, startedAt)
      transaction = new WriterTransaction(client, queueTimeoutMs, () => connection.renew())
      begun = transaction
      const id = await beginTransaction.call(adapter, options)
      if (id == null || begun === transaction) throw new Error('SQLite 事务没有交给数据库适配器')
      open.set(String(id), { release, transaction })
      return id
    } catch (error) {
      begun = null
      await transaction?.rollback()
      release()
      return queueTimeoutAsApiError(error)
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
    if (failure instanceof DatabaseBusyTimeout) throw new APIError(failure.message, 503, undefined, true)
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
