// npm run backup [-- --out <目录>]: an online backup of the embedded SQLite database and the
// media directory into <目录>/newsroom-<北京时间>/ (default ./backups). Safe while the server runs.
// Plain TypeScript run by tsx: it never loads Payload's configuration, so it needs no secret.
import path from 'node:path'

import { BackupError } from '@/backup/backupError'
import { locateLiveData, MONGODB_REFUSAL } from '@/backup/databaseLocation'
import { describeBackup } from '@/backup/report'
import { createBackup } from '@/backup/sqliteBackup'
import { runCommand } from '@/backup/runCommand'

const USAGE = '用法：npm run backup [-- --out <备份目录>]（默认 ./backups）'

await runCommand(async () => {
  const args = process.argv.slice(2)
  let outDir = 'backups'
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]
    if (arg === '--help' || arg === '-h') return USAGE
    if (arg === '--out' && args[index + 1]) outDir = args[++index]
    else if (arg.startsWith('--out=') && arg.length > 6) outDir = arg.slice(6)
    else throw new BackupError(`不认识的参数：${arg}\n${USAGE}`)
  }
  const live = locateLiveData()
  if (live.engine === 'mongodb') throw new BackupError(MONGODB_REFUSAL)
  console.log(`正在备份 ${live.databaseFile} 与媒体目录 ${live.mediaDir} …`)
  return describeBackup(await createBackup({ ...live, outDir: path.resolve(outDir) }))
})
