import fs from 'node:fs'
import path from 'node:path'

import { BackupError } from './backupError'
import { copyFileWithDigest, flushToDisk } from './fileDigest'
import { type BackupManifest, findDamagedFiles, readManifest } from './manifest'
import { countNewsroomRows, integrityProblems, type NewsroomCounts, withSqliteFile } from './sqliteFile'
import { shanghaiTimestamp, unusedPath } from './timestamp'

export type RestoreOptions = { backupDir: string; databaseFile: string; mediaDir: string; now?: Date }
export type RestoreResult = {
  manifest: BackupManifest
  databaseFile: string
  mediaDir: string
  /** Where the replaced database went, with its -wal/-shm beside it under SQLite's own naming. */
  databaseSetAside: string[]
  mediaSetAside: string | null
}

/** The files SQLite keeps beside a database; a stale -wal or -journal would be replayed into the restored one. */
const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal'] as const

const refusal = (backupDir: string, problems: string[]) =>
  new BackupError([`备份校验失败，未做任何改动（${backupDir}）：`, ...problems.map((problem) => `  - ${problem}`)].join('\n'))

/** Checks every file of a backup against its manifest without changing anything. */
export async function verifyBackup(backupDir: string): Promise<BackupManifest> {
  const manifest = readManifest(backupDir)
  const problems = await findDamagedFiles(backupDir, manifest)
  if (problems.length > 0) throw refusal(backupDir, problems)
  return manifest
}

const countsDiffer = (a: NewsroomCounts, b: NewsroomCounts) => (Object.keys(a) as (keyof NewsroomCounts)[]).some((key) => a[key] !== b[key])

/** Copies the backup's database beside the live one and proves the copy sound before anything is replaced. */
async function stageDatabase(backupDir: string, manifest: BackupManifest, staged: string): Promise<void> {
  const copy = await copyFileWithDigest(path.join(backupDir, manifest.database.file), staged, manifest.database.file)
  if (copy.sha256 !== manifest.database.sha256) throw refusal(backupDir, [`文件在复制过程中发生变化（sha256 与清单不符）：${manifest.database.file}`])
  const { problems, counts } = await withSqliteFile(staged, async (client) => {
    const found = await integrityProblems(client)
    return { problems: found, counts: found.length === 0 ? await countNewsroomRows(client) : null }
  })
  if (problems.length > 0) throw refusal(backupDir, [`数据库未通过 PRAGMA integrity_check：${manifest.database.file}`, ...problems.slice(0, 5).map((problem) => `  ${problem}`)])
  if (counts && countsDiffer(counts, manifest.counts)) {
    throw refusal(backupDir, [`数据库的记录数与清单不符（清单 ${JSON.stringify(manifest.counts)}，实际 ${JSON.stringify(counts)}）：${manifest.database.file}`])
  }
  await flushToDisk(staged)
}

async function stageMedia(backupDir: string, manifest: BackupManifest, staged: string): Promise<void> {
  fs.mkdirSync(staged)
  for (const directory of manifest.media.directories) fs.mkdirSync(path.join(staged, ...directory.split('/')), { recursive: true })
  const source = path.join(backupDir, ...manifest.media.directory.split('/'))
  for (const file of manifest.media.files) {
    const parts = file.path.split('/')
    const target = path.join(staged, ...parts)
    fs.mkdirSync(path.dirname(target), { recursive: true })
    const copy = await copyFileWithDigest(path.join(source, ...parts), target, file.path)
    if (copy.sha256 !== file.sha256) throw refusal(backupDir, [`文件在复制过程中发生变化（sha256 与清单不符）：${manifest.media.directory}/${file.path}`])
  }
}

/**
 * Restores a backup without ever leaving a half-restored state behind.
 *
 * Everything is verified and copied next to its destination first (same file system, so the
 * final step is a handful of renames); only then are the current database, its companions and
 * the media directory renamed aside, never deleted, and the staged copies renamed in. A failed
 * rename undoes the ones before it.
 */
export async function restoreBackup({ backupDir, databaseFile: target, mediaDir: targetMedia, now = new Date() }: RestoreOptions): Promise<RestoreResult> {
  const manifest = await verifyBackup(backupDir)
  const databaseFile = path.resolve(target)
  const mediaDir = path.resolve(targetMedia)
  const stamp = shanghaiTimestamp(now)
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true })
  fs.mkdirSync(path.dirname(mediaDir), { recursive: true })
  const stagedDatabase = unusedPath(path.join(path.dirname(databaseFile), `.${path.basename(databaseFile)}.restoring-${stamp}`), ['', ...SQLITE_COMPANIONS])
  const stagedMedia = unusedPath(path.join(path.dirname(mediaDir), `.${path.basename(mediaDir)}.restoring-${stamp}`))
  const discardStaged = () => {
    for (const suffix of ['', ...SQLITE_COMPANIONS]) fs.rmSync(stagedDatabase + suffix, { force: true })
    fs.rmSync(stagedMedia, { recursive: true, force: true })
  }

  try {
    await stageDatabase(backupDir, manifest, stagedDatabase)
    await stageMedia(backupDir, manifest, stagedMedia)
  } catch (error) {
    discardStaged()
    throw error
  }

  const undo: (() => void)[] = []
  const move = (from: string, to: string) => {
    fs.renameSync(from, to)
    undo.push(() => fs.renameSync(to, from))
  }
  const result: RestoreResult = { manifest, databaseFile, mediaDir, databaseSetAside: [], mediaSetAside: null }
  try {
    const databaseAside = unusedPath(`${databaseFile}.before-restore-${stamp}`, ['', ...SQLITE_COMPANIONS])
    // Companions first: if the process died between two renames, the old database would be
    // left without its newest commits (kept aside), never paired with a foreign -wal.
    for (const suffix of [...SQLITE_COMPANIONS, '']) {
      if (!fs.existsSync(databaseFile + suffix)) continue
      move(databaseFile + suffix, databaseAside + suffix)
      result.databaseSetAside.push(databaseAside + suffix)
    }
    move(stagedDatabase, databaseFile)
    if (fs.existsSync(mediaDir)) {
      result.mediaSetAside = unusedPath(`${mediaDir}.before-restore-${stamp}`)
      move(mediaDir, result.mediaSetAside)
    }
    move(stagedMedia, mediaDir)
    result.databaseSetAside.reverse()
    return result
  } catch (error) {
    const undoFailures: string[] = []
    for (const step of undo.reverse()) {
      try {
        step()
      } catch (undoError) {
        undoFailures.push((undoError as Error).message)
      }
    }
    discardStaged()
    const detail = undoFailures.length > 0 ? `\n撤回时也出错，请手工检查：\n${undoFailures.map((failure) => `  - ${failure}`).join('\n')}` : '已撤回，现有数据保持原样。'
    throw new BackupError(`恢复在替换文件时失败：${(error as Error).message}\n${detail}`)
  }
}
