import fs from 'node:fs'
import path from 'node:path'

import { BackupError } from './backupError'
import { digestOfFile, type FileDigest } from './fileDigest'
import type { NewsroomCounts } from './sqliteFile'

export const MANIFEST_FILE = 'manifest.json'
export const BACKUP_DATABASE_FILE = 'newsroom.db'
export const BACKUP_MEDIA_DIR = 'media'
const FORMAT = 'newsroom-sqlite-backup'

/** What a backup directory holds, written last so that a directory with a manifest is a finished backup. */
export type BackupManifest = {
  format: typeof FORMAT
  formatVersion: 1
  createdAt: string
  source: { databaseFile: string; mediaDir: string }
  database: { file: string; bytes: number; sha256: string }
  counts: NewsroomCounts
  media: { directory: string; directories: string[]; files: FileDigest[]; totalBytes: number }
  warnings: string[]
}

export function buildManifest(parts: Omit<BackupManifest, 'format' | 'formatVersion' | 'media'> & { media: Omit<BackupManifest['media'], 'totalBytes'> }): BackupManifest {
  const totalBytes = parts.media.files.reduce((sum, file) => sum + file.bytes, 0)
  return { format: FORMAT, formatVersion: 1, ...parts, media: { ...parts.media, totalBytes } }
}

export function writeManifest(backupDir: string, manifest: BackupManifest): void {
  fs.writeFileSync(path.join(backupDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
}

/**
 * A manifest's paths decide where restore writes: an absolute path or `..` in an edited or
 * foreign manifest must not reach outside the backup or the media directory.
 */
export function isSafeRelativePath(relativePath: unknown): relativePath is string {
  if (typeof relativePath !== 'string' || relativePath === '' || relativePath.includes('\\') || relativePath.includes('\0')) return false
  if (path.posix.isAbsolute(relativePath)) return false
  return relativePath.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

const isDigest = (value: unknown): value is FileDigest => {
  const digest = value as FileDigest
  return Boolean(digest) && isSafeRelativePath(digest.path) && Number.isInteger(digest.bytes) && /^[0-9a-f]{64}$/.test(String(digest.sha256))
}

export function readManifest(backupDir: string): BackupManifest {
  const file = path.join(backupDir, MANIFEST_FILE)
  if (!fs.existsSync(backupDir) || !fs.statSync(backupDir).isDirectory()) throw new BackupError(`备份目录不存在：${backupDir}`)
  if (!fs.existsSync(file)) throw new BackupError(`备份不完整：缺少 ${MANIFEST_FILE}（${file}）。只有写完清单的备份才能恢复。`)
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest
  } catch (error) {
    throw new BackupError(`备份清单无法读取（${file}）：${(error as Error).message}`)
  }
  const wellFormed =
    manifest?.format === FORMAT &&
    manifest.formatVersion === 1 &&
    isDigest({ ...manifest.database, path: manifest.database?.file }) &&
    isSafeRelativePath(manifest.media?.directory) &&
    Array.isArray(manifest.media.directories) &&
    manifest.media.directories.every(isSafeRelativePath) &&
    Array.isArray(manifest.media.files) &&
    manifest.media.files.every(isDigest) &&
    ['articles', 'articleVersions', 'photos', 'users'].every((key) => Number.isInteger(manifest.counts?.[key as keyof NewsroomCounts]))
  if (!wellFormed) throw new BackupError(`备份清单格式不对，不是本系统 npm run backup 生成的备份：${file}`)
  return manifest
}

/** Every listed file whose bytes are not the ones the manifest recorded, each named, so an operator knows what to fetch again. */
export async function findDamagedFiles(backupDir: string, manifest: BackupManifest): Promise<string[]> {
  const expected: FileDigest[] = [
    { ...manifest.database, path: manifest.database.file },
    ...manifest.media.files.map((file) => ({ ...file, path: `${manifest.media.directory}/${file.path}` })),
  ]
  const problems: string[] = []
  for (const file of expected) {
    const absolute = path.join(backupDir, ...file.path.split('/'))
    if (!fs.existsSync(absolute)) {
      problems.push(`缺少文件：${file.path}`)
      continue
    }
    const actual = await digestOfFile(backupDir, file.path)
    if (actual.bytes !== file.bytes) problems.push(`文件已损坏或被截断（应为 ${file.bytes} 字节，实为 ${actual.bytes} 字节）：${file.path}`)
    else if (actual.sha256 !== file.sha256) problems.push(`文件已损坏（sha256 与清单不符）：${file.path}`)
  }
  return problems
}
