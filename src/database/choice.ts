import path from 'node:path'

import { DATA_DIR } from '@/config/environment'

/** Which database engine a DATABASE_URI selects. Loads no driver: see ./adapter for those. */
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

function redactCredentials(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//***@')
}
