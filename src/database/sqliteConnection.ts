import { type Client, createClient } from '@libsql/client'

import { isSqliteBusy, retryWhileBusy } from './sqliteBusy'
import { timeStatements } from './slowStatements'

/** The connection settings @payloadcms/db-sqlite was given (busy timeout, WAL). */
export type ConnectionSettings = {
  clientConfig: Parameters<typeof createClient>[0]
  busyTimeout: number
  wal: false | { journalSizeLimit: number; synchronous: string }
  /** Told how long each statement kept the event loop (./slowStatements). */
  noteDuration?: (sql: string, ms: number) => void
}

export async function openConnection(settings: ConnectionSettings, timeoutMs: number): Promise<Client> {
  const client = createClient(settings.clientConfig)
  // Switching to WAL needs a moment alone with the file, which another process may be using.
  const run = (sql: string) => retryWhileBusy(() => client.execute(sql), Date.now() + timeoutMs)
  await run(`PRAGMA busy_timeout = ${settings.busyTimeout}`)
  if (settings.wal) {
    const { rows } = await run('PRAGMA journal_mode')
    if (rows[0]?.journal_mode !== 'wal') {
      await run('PRAGMA journal_mode = WAL')
      await run(`PRAGMA journal_size_limit = ${settings.wal.journalSizeLimit}`)
    }
    await run(`PRAGMA synchronous = ${settings.wal.synchronous}`)
    // Checkpoints run on a thread of their own (./maintenanceThread), never in this connection's COMMIT.
    await run('PRAGMA wal_autocheckpoint = 0')
  }
  return settings.noteDuration ? timeStatements(client, settings.noteDuration) : client
}

/**
 * A connection that is replaced by a fresh one whenever a statement on it meets SQLITE_BUSY.
 * SQLite leaves a statement that met a lock half-run, so that it can be stepped again, and
 * libsql never resets it: on that connection every later COMMIT then fails ("SQL statements in
 * progress") and an autocommit write stays uncommitted, holding the lock. The half-run
 * statement cannot be reached through libsql, so the connection is closed instead.
 */
export class RenewableConnection {
  private renewing: Promise<void> | null = null

  private constructor(
    private current: Client,
    private readonly open: () => Promise<Client>,
  ) {}

  static async open(open: () => Promise<Client>): Promise<RenewableConnection> {
    return new RenewableConnection(await open(), open)
  }

  get client(): Client {
    return this.current
  }

  /** Runs `use` on the connection, after a timer and on a fresh connection each time it meets BUSY, until `deadline` (see retryWhileBusy). */
  run<T>(use: (client: Client) => Promise<T>, deadline: number, startedAt = Date.now()): Promise<T> {
    return retryWhileBusy(
      async () => {
        try {
          return await use(this.current)
        } catch (error) {
          if (isSqliteBusy(error)) await this.renew()
          throw error
        }
      },
      deadline,
      startedAt,
    )
  }

  /** Callers that met BUSY at the same time share one replacement. */
  renew(): Promise<void> {
    this.renewing ??= this.replace().finally(() => (this.renewing = null))
    return this.renewing
  }

  private async replace(): Promise<void> {
    const stale = this.current
    this.current = await this.open()
    stale.close()
  }

  close(): void {
    this.current.close()
  }
}
