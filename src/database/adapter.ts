import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import { migrations } from '@/migrations/index'
import { withAfterCommit } from './afterCommit'
import { type DatabaseChoice, DEFAULT_SQLITE_FILE } from './choice'
import { serialiseSqliteWrites, type SqliteAdapterInternals } from './sqliteTransactions'
import { backfillPhotoPublicity } from '@/publishing/photoPublicity'
import { backfillCharacterCounts } from './characterCountBackfill'
import { seedProofreadingTerms } from '@/proofreading/server/seedTerms'

/**
 * The only module that talks to the database engines. Everything else talks to Payload's
 * adapter-neutral API, so the embedded SQLite default and production MongoDB stay
 * interchangeable. Which engine a DATABASE_URI selects is decided in ./choice, which loads no
 * driver, so tools that only need the answer (backup, restore) start quickly.
 */
export { chooseDatabase, type DatabaseChoice, DEFAULT_SQLITE_FILE } from './choice'

export function createDatabaseAdapter(choice: DatabaseChoice): DatabaseAdapterObj {
  return withAfterCommit(engineAdapter(choice))
}

/** Payload's own default for the WAL file kept between checkpoints. */
const WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024

function engineAdapter(choice: DatabaseChoice): DatabaseAdapterObj {
  if (choice.engine === 'mongodb') {
    // Transactions need a replica set; docker-compose.yml runs a single-node one.
    return mongooseAdapter({ url: choice.url })
  }
  if (choice.embeddedDefault) fs.mkdirSync(path.dirname(DEFAULT_SQLITE_FILE), { recursive: true })
  const sqlite = sqliteAdapter({
    client: { url: choice.url },
    // Never wait inside SQLite for another process: ./sqliteBusy retries after a timer instead.
    busyTimeout: 0,
    // NORMAL: a commit appends to the WAL without fsync, and the checkpoint thread
    // (./maintenanceThread) fsyncs when it copies the WAL into the database file. libsql runs
    // COMMIT on the event loop's thread, where FULL's fsync per commit held every request for
    // the disk: 236 ms a commit with another process writing. A crash of the process loses
    // nothing committed; a power cut may lose the last second's commits, never the file.
    wal: { journalSizeLimit: WAL_SIZE_LIMIT_BYTES, synchronous: 'NORMAL' },
    migrationDir: path.resolve(process.cwd(), 'src', 'migrations'),
    prodMigrations: migrations,
    // Development and tests build the schema from the committed migrations too, instead of
    // drizzle's push: push drops every table it does not know, such as the search index's
    // FTS5 table, and a test database should be built the way production's is.
    push: false,
    // Every save, publish and import is one transaction, so a crash leaves it whole or absent.
    // libsql always begins them IMMEDIATE; ./sqliteTransactions queues them one at a time.
    transactionOptions: { behavior: 'immediate' },
  })
  return {
    ...sqlite,
    init: (args) => {
      const adapter = sqlite.init(args)
      serialiseSqliteWrites(adapter as unknown as SqliteAdapterInternals)
      return adapter
    },
  }
}

/** Applies pending SQLite migrations outside production (production does it while connecting). */
async function migrateOutsideProduction(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite' || process.env.NODE_ENV === 'production' || process.env.PAYLOAD_MIGRATING === 'true') return
  // The migrations take the SQLite adapter's own argument types, narrower than the generic Migration.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}

type SqliteClient = { execute: (sql: string) => Promise<unknown> }
const PLANNER_REFRESH_MS = 6 * 60 * 60 * 1000

const sqliteClientOf = (payload: Payload): SqliteClient | null => (payload.db.name === 'sqlite' ? (payload.db as unknown as { client: SqliteClient }).client : null)

/**
 * SQLite chooses indexes from the statistics ANALYZE stores, and without them it guesses:
 * it read the admin's article list (`latest = 1`, newest first) through the index on
 * `latest`, which every row matches, and sorted all 100,000 versions for each page (~420 ms)
 * instead of walking the publication-date index (~10 ms). So statistics are gathered when
 * the database opens (a second or so at 100,000 articles) and `PRAGMA optimize` refreshes
 * those of tables that have grown, every few hours. MongoDB keeps its own.
 */
export async function analyzeSqlite(payload: Payload): Promise<void> {
  await sqliteClientOf(payload)?.execute('ANALYZE')
}

function refreshSqliteStatisticsPeriodically(payload: Payload): void {
  const client = sqliteClientOf(payload)
  if (!client) return
  const timer = setInterval(() => {
    client.execute('PRAGMA optimize').catch((error: unknown) => payload.logger.warn({ err: error }, 'SQLite 统计信息刷新失败（PRAGMA optimize）'))
  }, PLANNER_REFRESH_MS)
  timer.unref()
}

type MongoCollection = { updateMany: (filter: object, update: object | object[]) => Promise<{ modifiedCount: number }> }
type MongoModels = { collections: Record<string, MongoCollection>; versions: Record<string, MongoCollection> }
const mongoModels = (payload: Payload) => payload.db as unknown as MongoModels

/**
 * MongoDB's counterpart of SQLite's migration 20261206_010707_roles_and_desks: an account
 * stored with one `role` gets it as its first `roles`. Payload's API no longer knows `role`,
 * so this asks the driver.
 */
async function moveSingleRolesIntoRoles(payload: Payload): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  const users = mongoModels(payload).collections.users
  const { modifiedCount } = await users.updateMany({ role: { $type: 'string' }, roles: { $exists: false } }, [{ $set: { roles: ['$role'] } }, { $unset: 'role' }])
  if (modifiedCount > 0) payload.logger.info(`账号角色已迁移为多角色：${modifiedCount} 个账号（role → roles）`)
}

/**
 * MongoDB's counterpart of the state renames in SQLite's migration 20261206_013816_review_chain:
 * 待审 becomes 待初审 and 已审 (one editor's approval, no 终审 signature) becomes 待终审.
 */
async function renameLegacyWorkflowStates(payload: Payload): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  const { collections, versions } = mongoModels(payload)
  for (const [from, to] of [['submitted', 'pendingFirst'], ['approved', 'pendingFinal']]) {
    await collections.articles.updateMany({ workflowState: from }, { $set: { workflowState: to, reviewRound: 1 } })
    await versions.articles.updateMany({ 'version.workflowState': from }, { $set: { 'version.workflowState': to } })
    await collections['workflow-events'].updateMany({ from }, { $set: { from: to } })
    await collections['workflow-events'].updateMany({ to: from }, { $set: { to } })
  }
}

/** What the database needs once Payload has connected: pending migrations (outside production), derived values a schemaless database lacks, and planner statistics. */
export async function prepareDatabase(payload: Payload): Promise<void> {
  await migrateOutsideProduction(payload)
  await moveSingleRolesIntoRoles(payload)
  await renameLegacyWorkflowStates(payload)
  await backfillPhotoPublicity(payload)
  await backfillCharacterCounts(payload)
  await seedProofreadingTerms(payload)
  await analyzeSqlite(payload)
  refreshSqliteStatisticsPeriodically(payload)
}

/**
 * What a document id looks like on the running engine: SQLite numbers its rows, MongoDB
 * uses 24-hex-digit ObjectIds. Anything else cannot name a document, so the API answers
 * it as "not found" or "bad request" instead of handing it to the driver, which throws.
 */
export function documentIdCheck(payload: Payload): (value: unknown) => boolean {
  if (payload.db.defaultIDType === 'number') {
    return (value) => (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) || (typeof value === 'string' && /^[1-9]\d{0,14}$/.test(value))
  }
  return (value) => typeof value === 'string' && /^[0-9a-f]{24}$/i.test(value)
}
