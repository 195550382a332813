import path from 'node:path'

import { MEDIA_DIR } from '@/config/environment'
import { chooseDatabase, type DatabaseChoice, DEFAULT_SQLITE_FILE } from '@/database/choice'
import { BackupError } from './backupError'

export type LiveData = { engine: 'sqlite'; databaseFile: string; mediaDir: string } | { engine: 'mongodb' }

/** Which data the server runs on: the database the server's own chooseDatabase picks, and the media beside it. */
export function locateLiveData(databaseUri: string | undefined = process.env.DATABASE_URI, mediaDir: string = MEDIA_DIR): LiveData {
  let choice: DatabaseChoice
  try {
    choice = chooseDatabase(databaseUri)
  } catch (error) {
    throw new BackupError((error as Error).message)
  }
  if (choice.engine === 'mongodb') return { engine: 'mongodb' }
  return { engine: 'sqlite', databaseFile: choice.embeddedDefault ? DEFAULT_SQLITE_FILE : sqliteFileFromUrl(choice.url), mediaDir }
}

/** The file a libsql `file:` URL opens: `file:/abs.db`, `file:///abs.db`, `file://localhost/abs.db` or `file:relative.db`. */
export function sqliteFileFromUrl(url: string, cwd: string = process.cwd()): string {
  const match = /^file:(?:\/\/([^/?#]*))?([^?#]*)/.exec(url)
  const host = match?.[1]
  if (!match || !match[2] || (host && host.toLowerCase() !== 'localhost')) {
    throw new BackupError(`DATABASE_URI 不是有效的 SQLite 文件地址：${url}（应为 file:/绝对路径/文件.db）`)
  }
  return path.resolve(cwd, decodeURIComponent(match[2]))
}

export const MONGODB_REFUSAL = [
  '当前 DATABASE_URI 指向 MongoDB：本命令只备份和恢复内置的 SQLite 数据库。',
  'MongoDB 请用官方工具（见 docs/backup.md）：',
  '  备份  mongodump --uri "$DATABASE_URI" --archive=newsroom.archive --gzip',
  '  恢复  mongorestore --uri "$DATABASE_URI" --archive=newsroom.archive --gzip --drop',
  '并同时复制媒体目录（docker-compose 的 media 卷，容器内 /app/media）。',
  '(DATABASE_URI points to MongoDB: use mongodump/mongorestore and copy the media volume.)',
].join('\n')
