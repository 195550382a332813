import fs from 'node:fs'
import path from 'node:path'

import { BackupError } from './backupError'
import { copyTreeWithDigests, sha256OfFile } from './fileDigest'
import { BACKUP_DATABASE_FILE, BACKUP_MEDIA_DIR, type BackupManifest, buildManifest, writeManifest } from './manifest'
import { countNewsroomRows, referencedPhotoFiles, snapshotDatabase, withSqliteFile } from './sqliteFile'
import { shanghaiTimestamp, unusedPath } from './timestamp'

export type BackupOptions = { databaseFile: string; mediaDir: string; outDir: string; now?: Date }
export type BackupResult = { directory: string; manifest: BackupManifest }

const isInside = (parent: string, child: string) => {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}

/**
 * An online backup: the server may keep running and writing.
 *
 * The database is snapshotted first and the media copied afterwards. Payload writes an
 * upload's files before it commits the photo's row, so every photo in the snapshot already
 * has its files on disk when the copy starts; files of photos created later are merely extra.
 * Everything is written into a hidden `.partial` directory renamed into place at the end, so a
 * directory named `newsroom-…` is always a complete backup.
 */
export async function createBackup({ databaseFile, mediaDir, outDir, now = new Date() }: BackupOptions): Promise<BackupResult> {
  if (!fs.existsSync(databaseFile)) {
    throw new BackupError(`找不到数据库文件：${databaseFile}。数据库尚未创建（先启动一次服务器），或 DATABASE_URI / NEWSROOM_DATA_DIR 指向了别处。`)
  }
  const out = path.resolve(outDir)
  if (isInside(path.resolve(mediaDir), out)) throw new BackupError(`备份目录不能放在媒体目录里面（${out}）：否则每次备份都会把上一次的备份再复制一遍。`)
  fs.mkdirSync(out, { recursive: true })
  const directory = unusedPath(path.join(out, `newsroom-${shanghaiTimestamp(now)}`))
  const partial = path.join(out, `.${path.basename(directory)}.partial`)
  fs.rmSync(partial, { recursive: true, force: true })
  fs.mkdirSync(partial)
  try {
    const snapshot = path.join(partial, BACKUP_DATABASE_FILE)
    await snapshotDatabase(databaseFile, snapshot)
    const media = await copyTreeWithDigests(mediaDir, path.join(partial, BACKUP_MEDIA_DIR))
    const { counts, photoFiles } = await withSqliteFile(snapshot, async (client) => ({
      counts: await countNewsroomRows(client),
      photoFiles: await referencedPhotoFiles(client),
    }))
    const copied = new Set(media.files.map((file) => file.path))
    const warnings = [
      ...photoFiles.filter((file) => !copied.has(file)).map((file) => `图片文件缺失（数据库中的图片引用了它，媒体目录里却没有）：${file}`),
      ...media.skipped.map((file) => `跳过了非普通文件（符号链接等）：${file}`),
    ]
    const manifest = buildManifest({
      createdAt: now.toISOString(),
      source: { databaseFile: path.resolve(databaseFile), mediaDir: path.resolve(mediaDir) },
      database: { file: BACKUP_DATABASE_FILE, bytes: fs.statSync(snapshot).size, sha256: await sha256OfFile(snapshot) },
      counts,
      media: { directory: BACKUP_MEDIA_DIR, directories: media.directories, files: media.files },
      warnings,
    })
    writeManifest(partial, manifest)
    fs.renameSync(partial, directory)
    return { directory, manifest }
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true })
    throw error
  }
}
