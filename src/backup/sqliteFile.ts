import fs from 'node:fs'
import { pathToFileURL } from 'node:url'

import { type Client, createClient } from '@libsql/client'

import { BackupError } from './backupError'

/**
 * Direct access to an SQLite file through the same libsql driver Payload uses, without
 * loading Payload: a backup must stay quick and must not need the server's configuration.
 */
export async function withSqliteFile<T>(file: string, use: (client: Client) => Promise<T>): Promise<T> {
  // libsql creates a missing file silently; an empty database must never pass for a backup source.
  if (!fs.existsSync(file)) throw new BackupError(`找不到数据库文件：${file}`)
  const client = createClient({ url: pathToFileURL(file).href })
  try {
    // The server holds write locks for milliseconds at a time: wait rather than fail.
    await client.execute('PRAGMA busy_timeout = 10000')
    return await use(client)
  } finally {
    client.close()
  }
}

/**
 * VACUUM INTO reads one consistent snapshot inside a read transaction: under WAL it sees every
 * transaction committed before it began and none after, and it never blocks the server's writers.
 * The copy it writes is compact and in rollback-journal mode: one self-contained file.
 */
export async function snapshotDatabase(sourceFile: string, targetFile: string): Promise<void> {
  await withSqliteFile(sourceFile, async (client) => {
    await client.execute({ sql: 'VACUUM INTO ?', args: [targetFile] })
  })
}

/** What `PRAGMA integrity_check` found wrong; empty when the database is sound. */
export async function integrityProblems(client: Client): Promise<string[]> {
  try {
    const { rows } = await client.execute('PRAGMA integrity_check(20)')
    const messages = rows.map((row) => String(row[0]))
    return messages.length === 1 && messages[0] === 'ok' ? [] : messages
  } catch (error) {
    // A damaged header makes SQLite refuse the file before any check can run.
    return [(error as Error).message]
  }
}

export type NewsroomCounts = { articles: number; articleVersions: number; photos: number; users: number }

const COUNTED_TABLES: Record<keyof NewsroomCounts, string> = {
  articles: 'articles',
  articleVersions: '_articles_v',
  photos: 'photos',
  users: 'users',
}

export async function countNewsroomRows(client: Client): Promise<NewsroomCounts> {
  const counts = {} as NewsroomCounts
  for (const [key, table] of Object.entries(COUNTED_TABLES) as [keyof NewsroomCounts, string][]) {
    try {
      const { rows } = await client.execute(`SELECT count(*) FROM "${table}"`)
      counts[key] = Number(rows[0][0])
    } catch (error) {
      throw new BackupError(`数据库缺少 ${table} 表，不是本系统的数据库，或尚未迁移：${(error as Error).message}`)
    }
  }
  return counts
}

/** Where the Photos collection keeps its uploads inside the media directory (collections/Photos: staticDir). */
export const PHOTOS_MEDIA_SUBDIR = 'photos'

/** Every file the photos in this database point to (original and each rendition), relative to the media directory. */
export async function referencedPhotoFiles(client: Client): Promise<string[]> {
  const { rows: columns } = await client.execute(`SELECT name FROM pragma_table_info('photos')`)
  const filenameColumns = columns.map((column) => String(column[0])).filter((name) => name === 'filename' || name.endsWith('_filename'))
  if (filenameColumns.length === 0) return []
  const { rows } = await client.execute(`SELECT ${filenameColumns.map((name) => `"${name}"`).join(', ')} FROM photos`)
  const files = new Set<string>()
  for (const row of rows) {
    for (const value of Array.from(row)) if (typeof value === 'string' && value) files.add(`${PHOTOS_MEDIA_SUBDIR}/${value}`)
  }
  return [...files].sort()
}
