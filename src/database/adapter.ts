import fs from 'node:fs'
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj, Migration, Payload } from 'payload'

import { DATA_DIR } from '../config/environment'
import { migrations } from '../migrations/index'

/**
 * The only module that knows which database engines exist. Everything else talks to
 * Payload's adapter-neutral API, so the embedded SQLite default and production MongoDB
 * stay interchangeable.
 */
export type DatabaseChoice =
  | { engine: 'sqlite'; url: string; embeddedDefault: boolean }
  | { engine: 'mongodb'; url: string }

export const DEFAULT_SQLITE_FILE = path.join(DATA_DIR, 'newsroom.db')

export function chooseDatabase(databaseUri: string | undefined): DatabaseChoice {
  const uri = databaseUri?.trim()
  if (!uri) {
    return { engine: 'sqlite', url: `file:${DEFAULT_SQLITE_FILE}`, embeddedDefault: true }
  }
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) {
    return { engine: 'mongodb', url: uri }
  }
  if (uri.startsWith('file:')) {
    return { engine: 'sqlite', url: uri, embeddedDefault: false }
  }
  throw new Error(
    `DATABASE_URI 无法识别（unsupported DATABASE_URI）: "${redactCredentials(uri)}". ` +
      'Leave it unset for the embedded SQLite database, or use mongodb://, mongodb+srv:// or file:.',
  )
}

export function createDatabaseAdapter(choice: DatabaseChoice): DatabaseAdapterObj {
  if (choice.engine === 'mongodb') {
    // Transactions need a replica set; docker-compose.yml runs a single-node one.
    return mongooseAdapter({ url: choice.url })
  }
  if (choice.embeddedDefault) fs.mkdirSync(path.dirname(DEFAULT_SQLITE_FILE), { recursive: true })
  return sqliteAdapter({
    client: { url: choice.url },
    busyTimeout: 5000,
    wal: true,
    migrationDir: path.resolve(process.cwd(), 'src', 'migrations'),
    prodMigrations: migrations,
    // Development and tests build the schema from the committed migrations too, instead of
    // drizzle's push: push drops every table it does not know, such as the search index's
    // FTS5 table, and a test database should be built the way production's is.
    push: false,
  })
}

/** Applies pending SQLite migrations outside production (production does it while connecting). */
export async function migrateOutsideProduction(payload: Payload): Promise<void> {
  if (payload.db.name !== 'sqlite' || process.env.NODE_ENV === 'production' || process.env.PAYLOAD_MIGRATING === 'true') return
  // The migrations take the SQLite adapter's own argument types, narrower than the generic Migration.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}

function redactCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@')
}
