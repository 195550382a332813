// npm run restore -- <备份目录>: replaces the embedded SQLite database and the media directory
// with a backup made by `npm run backup`, after verifying every file. Stop the server first.
// The replaced data is renamed aside (…before-restore-<北京时间>), never deleted.
import path from 'node:path'

import { BackupError } from '@/backup/backupError'
import { locateLiveData, MONGODB_REFUSAL } from '@/backup/databaseLocation'
import { describeRestore } from '@/backup/report'
import { runCommand } from '@/backup/runCommand'
import { restoreBackup } from '@/backup/sqliteRestore'

const USAGE = '用法：npm run restore -- <备份目录>（npm run backup 生成的 newsroom-… 目录）。恢复前请先停止服务器。'

await runCommand(async () => {
  const args = process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) return USAGE
  const unknown = args.filter((arg) => arg.startsWith('-'))
  if (unknown.length > 0) throw new BackupError(`不认识的参数：${unknown.join(' ')}\n${USAGE}`)
  if (args.length !== 1) throw new BackupError(USAGE)
  const live = locateLiveData()
  if (live.engine === 'mongodb') throw new BackupError(MONGODB_REFUSAL)
  const backupDir = path.resolve(args[0])
  console.log(`正在校验备份 ${backupDir} …`)
  return describeRestore(backupDir, await restoreBackup({ backupDir, ...live }))
})
