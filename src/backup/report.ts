import path from 'node:path'

import type { BackupManifest } from './manifest'
import type { BackupResult } from './sqliteBackup'
import type { RestoreResult } from './sqliteRestore'
import { shanghaiDisplayTime } from './timestamp'

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

const describeCounts = ({ counts }: BackupManifest) => `稿件 ${counts.articles} 篇 · 稿件版本 ${counts.articleVersions} 个 · 图片 ${counts.photos} 张 · 用户 ${counts.users} 个`

/** Paths relative to where the command was run, when that is shorter, so they can be pasted back. */
const shown = (file: string) => {
  const relative = path.relative(process.cwd(), file)
  return relative && !relative.startsWith('..') ? relative : file
}

const SHOWN_WARNINGS = 5

export function describeBackup({ directory, manifest }: BackupResult): string {
  return [
    `✔ 备份完成（北京时间 ${shanghaiDisplayTime(manifest.createdAt)}）：${directory}`,
    `  数据库  ${manifest.database.file}  ${formatBytes(manifest.database.bytes)}，sha256 ${manifest.database.sha256.slice(0, 12)}…`,
    `  记录    ${describeCounts(manifest)}`,
    `  媒体    ${manifest.media.directory}/  ${manifest.media.files.length} 个文件，共 ${formatBytes(manifest.media.totalBytes)}（来自 ${manifest.source.mediaDir}）`,
    `  清单    manifest.json（每个文件的大小与 sha256）`,
    ...manifest.warnings.slice(0, SHOWN_WARNINGS).map((warning) => `⚠ ${warning}`),
    ...(manifest.warnings.length > SHOWN_WARNINGS ? [`⚠ 另有 ${manifest.warnings.length - SHOWN_WARNINGS} 条警告，见 manifest.json 的 warnings`] : []),
    `恢复命令：npm run restore -- ${shown(directory)}`,
  ].join('\n')
}

/** `newsroom.db.before-restore-…（连同 -wal、-shm）`: the companions only make sense beside their database. */
function describeSetAside(files: string[]): string {
  const [database, ...companions] = [...files].sort((a, b) => a.length - b.length)
  if (companions.length === 0) return database
  return `${database}（连同 ${companions.map((file) => (file.startsWith(database) ? file.slice(database.length) : file)).join('、')}）`
}

export function describeRestore(backupDir: string, result: RestoreResult): string {
  const { manifest } = result
  return [
    `✔ 恢复完成：已用备份 ${backupDir}（北京时间 ${shanghaiDisplayTime(manifest.createdAt)}）替换现有数据`,
    `  数据库  ${result.databaseFile}（已通过 PRAGMA integrity_check）`,
    `  记录    ${describeCounts(manifest)}`,
    `  媒体    ${result.mediaDir}  ${manifest.media.files.length} 个文件，共 ${formatBytes(manifest.media.totalBytes)}`,
    result.databaseSetAside.length > 0 ? `  原数据库已移到  ${describeSetAside(result.databaseSetAside)}` : '  原来没有数据库文件，无需移开',
    result.mediaSetAside ? `  原媒体目录已移到  ${result.mediaSetAside}` : '  原来没有媒体目录，无需移开',
    '确认无误后可自行删除移开的旧数据。请（重新）启动服务器。',
  ].join('\n')
}
