import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

import type { Payload } from 'payload'

import { listTree, sha256OfFile } from '@/backup/fileDigest'
import { type BackupManifest, MANIFEST_FILE, readManifest } from '@/backup/manifest'
import { countNewsroomRows, integrityProblems, referencedPhotoFiles, withSqliteFile } from '@/backup/sqliteFile'
import { restoreBackup } from '@/backup/sqliteRestore'
import { MAINTENANCE_ROUND_MS } from '@/database/maintenanceThread'
import { STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { captureNewsroom, createNewsroomContent, holdLongRead, keepTransferring, keepWriting, type NewsroomCapture, type NewsroomContent, PROBE_TOTAL, type WriteRecord } from './newsroomFixture'

// The commands back up the embedded SQLite database; `npm run test:mongo` has no SQLite file to back up.
const describeOnSqlite = process.env.TEST_MONGODB_URI ? describe.skip : describe

type CommandRun = { code: number | null; stdout: string; stderr: string; startedAt: number; endedAt: number }

/** Runs an npm script as an operator would, without blocking this process: its writers keep writing meanwhile. */
function runNpm(args: string[], env: NodeJS.ProcessEnv): Promise<CommandRun> {
  const startedAt = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', ...args], { cwd: process.cwd(), env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr, startedAt, endedAt: Date.now() }))
  })
}

const root = path.join(os.tmpdir(), `newsroom-backup-test-${process.pid}-${randomBytes(4).toString('hex')}`)
const dataDir = path.join(root, 'data')
const mediaDir = path.join(root, 'media')
const databaseFile = path.join(dataDir, 'newsroom.db')
const backupsDir = path.join(root, 'backups')

/** The commands find the data the way the server does: the default file under NEWSROOM_DATA_DIR, no DATABASE_URI. */
function commandEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEWSROOM_DATA_DIR: dataDir, MEDIA_DIR: mediaDir }
  delete env.DATABASE_URI
  return { ...env, ...extra }
}

const previousEnv = { DATABASE_URI: process.env.DATABASE_URI, MEDIA_DIR: process.env.MEDIA_DIR }
const running: Payload[] = []

async function startServer(key: string): Promise<Payload> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config, key })
  running.push(payload)
  return payload
}

setFlagsFromString('--expose-gc')
const collectGarbage = runInNewContext('gc') as () => void

const openFilesUnder = (dir: string) =>
  fs.existsSync('/proc/self/fd')
    ? fs.readdirSync('/proc/self/fd').flatMap((fd) => {
        try {
          const target = fs.readlinkSync(`/proc/self/fd/${fd}`)
          return target.startsWith(dir) ? [target] : []
        } catch {
          return []
        }
      })
    : []

/**
 * What stopping the server's process does to its database connections: destroy() closes
 * both of them (src/database/sqliteTransactions.ts). One left to the garbage collector and
 * closed after the restore would, as SQLite's last connection to the replaced file, delete
 * `newsroom.db-wal` by name, which is then the restored database's.
 */
async function stopServer(payload: Payload): Promise<void> {
  await payload.destroy()
  running.splice(running.indexOf(payload), 1)
  for (let attempt = 0; attempt < 3 && openFilesUnder(dataDir).length > 0; attempt++) {
    collectGarbage()
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  expect(openFilesUnder(dataDir)).toEqual([])
}

/**
 * The live data once the server's maintenance thread (src/database/maintenanceThread.ts) has
 * nothing left to do: until then it moves earlier writes from the -wal into the database file
 * and merges the search index's segments a few hundred pages a second, and the bytes would
 * change with no restore involved. Once it has nothing left to copy or merge, its rounds
 * change no byte; two fingerprints a round apart show when that is.
 */
async function settledLiveData() {
  await withSqliteFile(databaseFile, (client) => client.execute('PRAGMA wal_checkpoint(TRUNCATE)'))
  let previous = await fingerprintLiveData()
  for (let round = 0; round < 60; round++) {
    await new Promise((resolve) => setTimeout(resolve, MAINTENANCE_ROUND_MS + 500))
    const fingerprint = await fingerprintLiveData()
    if (JSON.stringify(fingerprint) === JSON.stringify(previous)) return fingerprint
    previous = fingerprint
  }
  throw new Error(`the live data kept changing for a minute with nothing writing to it: ${previous.dataDir.join(', ')}`)
}

/** Every byte of the live data and every name beside it: a refused restore must leave all of it as it was. */
async function fingerprintLiveData() {
  const digests = async (dir: string) => Promise.all(listTree(dir).files.map(async (file) => `${file} ${await sha256OfFile(path.join(dir, ...file.split('/')))}`))
  return { dataDir: await digests(dataDir), mediaDir: await digests(mediaDir), besideMedia: fs.readdirSync(root).sort() }
}

function copyOfBackup(backupDir: string, name: string): string {
  const copy = path.join(root, 'damaged', name)
  fs.cpSync(backupDir, copy, { recursive: true })
  return copy
}

const rewriteManifest = (backupDir: string, change: (manifest: BackupManifest) => void) => {
  const manifest = readManifest(backupDir)
  change(manifest)
  fs.writeFileSync(path.join(backupDir, MANIFEST_FILE), JSON.stringify(manifest))
}

const restoreInto = (backupDir: string) => restoreBackup({ backupDir, databaseFile, mediaDir })

describeOnSqlite('npm run backup / npm run restore on the embedded SQLite database', () => {
  let payload: Payload
  let content: NewsroomContent
  let beforeWrites: NewsroomCapture
  let onlineBackup: string
  let writes: WriteRecord[]

  beforeAll(async () => {
    fs.mkdirSync(dataDir, { recursive: true })
    process.env.DATABASE_URI = `file:${databaseFile}`
    process.env.MEDIA_DIR = mediaDir
    payload = await startServer('before-restore')
    const photosDir = (payload.collections.photos.config.upload as { staticDir: string }).staticDir
    expect(photosDir).toBe(path.join(mediaDir, 'photos'))
    content = await createNewsroomContent(payload)
    beforeWrites = await captureNewsroom(payload, mediaDir)
  })

  afterAll(async () => {
    for (const server of [...running]) await stopServer(server)
    process.env.DATABASE_URI = previousEnv.DATABASE_URI
    process.env.MEDIA_DIR = previousEnv.MEDIA_DIR
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('takes a consistent backup with `npm run backup` while articles and photos are being written', async () => {
    const longRead = await holdLongRead(databaseFile)
    const transfers = await keepTransferring(payload)
    const writers = keepWriting(payload)
    while (writers.records.length < 4) await new Promise((resolve) => setTimeout(resolve, 20))
    const transfersBefore = transfers.count()
    const run = await runNpm(['backup', '--', '--out', backupsDir], commandEnv())
    writes = await writers.stop()
    const transferCount = await transfers.stop()
    await longRead.release()

    expect(run.stderr).not.toMatch(/✖/)
    expect(run.code).toBe(0)
    const [name] = fs.readdirSync(backupsDir)
    expect(name).toMatch(/^newsroom-\d{8}-\d{6}$/)
    onlineBackup = path.join(backupsDir, name)
    expect(run.stdout).toContain(`✔ 备份完成`)
    expect(run.stdout).toContain(onlineBackup)
    expect(run.stdout).toContain(`npm run restore -- `)
    // The backup really ran among writes: some committed while the command was running.
    expect(writes.filter((write) => write.committedAt > run.startedAt && write.committedAt < run.endedAt).length).toBeGreaterThan(0)

    const manifest = readManifest(onlineBackup)
    expect(manifest.warnings).toEqual([])
    await withSqliteFile(path.join(onlineBackup, manifest.database.file), async (snapshot) => {
      expect(await integrityProblems(snapshot)).toEqual([])
      expect(await countNewsroomRows(snapshot)).toEqual(manifest.counts)
      // One instant: every transfer whole, taken after the first and before the last.
      const balances = Object.fromEntries((await snapshot.execute('SELECT account, balance FROM backup_probe')).rows.map((row) => [row[0], Number(row[1])]))
      expect(balances.from + balances.to).toBe(PROBE_TOTAL)
      expect(balances.to).toBeGreaterThanOrEqual(transfersBefore)
      expect(balances.to).toBeLessThan(transferCount)

      const ids = new Set((await snapshot.execute('SELECT id FROM articles')).rows.map((row) => Number(row[0])))
      for (const id of content.articleIds) expect(ids).toContain(Number(id))
      for (const write of writes.filter((write) => write.startedAt > run.endedAt)) expect(ids).not.toContain(Number(write.id))
      // Each writer created its articles one after another, so an instant holds a prefix of each writer's articles.
      for (const writer of new Set(writes.map((write) => write.writer))) {
        const included = writes.filter((write) => write.writer === writer).map((write) => ids.has(Number(write.id)))
        expect(included).toEqual([...included].sort((a, b) => Number(b) - Number(a)))
      }
      // Articles whose saves had all finished before the command started are there whole, at their last revision.
      const settled = writes.filter((write) => write.committedAt < run.startedAt).map((write) => Number(write.id))
      expect(settled.length).toBeGreaterThan(0)
      const latest = await snapshot.execute(`SELECT parent_id, version_title FROM _articles_v WHERE latest = 1 AND parent_id IN (${settled.join(',')})`)
      expect(latest.rows.map((row) => Number(row[0])).sort((a, b) => a - b)).toEqual([...settled].sort((a, b) => a - b))
      for (const row of latest.rows) expect(row[1]).toMatch(/（二稿）$/)
      // Every photo in the snapshot has all its files in the backup, byte for byte as uploaded.
      const photoFiles = await referencedPhotoFiles(snapshot)
      for (const photo of beforeWrites.photos) expect(photoFiles).toContain(`photos/${photo.filename}`)
      const listed = new Map(manifest.media.files.map((file) => [file.path, file.sha256]))
      for (const file of photoFiles) {
        expect(listed.get(file)).toBe(await sha256OfFile(path.join(mediaDir, ...file.split('/'))))
        expect(await sha256OfFile(path.join(onlineBackup, 'media', ...file.split('/')))).toBe(listed.get(file))
      }
    })
    expect(await sha256OfFile(path.join(onlineBackup, 'newsroom.db'))).toBe(manifest.database.sha256)
  })

  it('refuses a backup whose media file lost or changed a byte, naming the file, and changes nothing', async () => {
    const [changed, missing] = beforeWrites.photos.map((photo) => `photos/${photo.filename}`)
    const damaged = copyOfBackup(onlineBackup, 'media-byte')
    const changedFile = path.join(damaged, 'media', ...changed.split('/'))
    const bytes = fs.readFileSync(changedFile)
    bytes[Math.floor(bytes.length / 2)] ^= 0x01
    fs.writeFileSync(changedFile, bytes)
    fs.rmSync(path.join(damaged, 'media', ...missing.split('/')))
    const before = await settledLiveData()

    const refusal = (await restoreInto(damaged).then(() => null, (error: Error) => error))?.message
    expect(refusal).toMatch(/^备份校验失败，未做任何改动/)
    expect(refusal).toContain(`文件已损坏（sha256 与清单不符）：media/${changed}`)
    expect(refusal).toContain(`缺少文件：media/${missing}`)
    expect(await fingerprintLiveData()).toEqual(before)
  })

  it('refuses a truncated database, and changes nothing', async () => {
    const damaged = copyOfBackup(onlineBackup, 'truncated')
    const snapshot = path.join(damaged, 'newsroom.db')
    fs.truncateSync(snapshot, Math.floor(fs.statSync(snapshot).size / 2))
    const before = await settledLiveData()
    await expect(restoreInto(damaged)).rejects.toThrow(/文件已损坏或被截断（应为 \d+ 字节，实为 \d+ 字节）：newsroom\.db/)
    expect(await fingerprintLiveData()).toEqual(before)
  })

  it('refuses a damaged database that fails PRAGMA integrity_check even when its manifest was rewritten to match', async () => {
    const damaged = copyOfBackup(onlineBackup, 'integrity')
    const snapshot = path.join(damaged, 'newsroom.db')
    const bytes = fs.readFileSync(snapshot)
    const pageSize = bytes.readUInt16BE(16)
    // Page 3 onwards holds tables and indexes; overwriting two of them breaks their b-trees.
    bytes.fill(0xa5, pageSize * 2 + 8, pageSize * 4)
    fs.writeFileSync(snapshot, bytes)
    const sha256 = await sha256OfFile(snapshot)
    rewriteManifest(damaged, (manifest) => Object.assign(manifest.database, { bytes: bytes.length, sha256 }))
    const before = await settledLiveData()
    await expect(restoreInto(damaged)).rejects.toThrow(/数据库未通过 PRAGMA integrity_check：newsroom\.db/)
    expect(await fingerprintLiveData()).toEqual(before)
  })

  it('refuses a directory without a manifest, such as an interrupted backup', async () => {
    const damaged = copyOfBackup(onlineBackup, 'no-manifest')
    fs.rmSync(path.join(damaged, MANIFEST_FILE))
    await expect(restoreInto(damaged)).rejects.toThrow(/备份不完整：缺少 manifest\.json/)
    await expect(restoreInto(path.join(root, 'nowhere'))).rejects.toThrow(/备份目录不存在/)
  })

  it('restores with `npm run restore` after the live data was wrecked: articles, versions, photos, users and media bytes come back, the old data is kept aside', async () => {
    // Only drafts are deleted: published articles are retracted, never deleted (their workflow events refer to them).
    const [revisedArticle, , deletedArticle, otherDeletedArticle] = content.articleIds
    await payload.delete({ collection: 'articles', id: deletedArticle })
    await payload.delete({ collection: 'articles', id: otherDeletedArticle })
    await payload.update({ collection: 'articles', id: revisedArticle, data: { title: '被改坏的标题' } as never, draft: true })
    await payload.delete({ collection: 'photos', id: content.photoIds[2] })
    await payload.delete({ collection: 'users', id: content.staff.otherJournalist.id })
    await payload.create({ collection: 'articles', data: { title: '恢复前新增的稿件' } as never, draft: true })
    const damagedPhoto = path.join(mediaDir, 'photos', String(beforeWrites.photos[0].filename))
    fs.writeFileSync(damagedPhoto, 'not a photo any more')
    const wrecked = await captureNewsroom(payload, mediaDir)
    expect(wrecked.articles.map((article) => article.id)).not.toContain(deletedArticle)
    expect(wrecked.mediaFiles[`photos/${beforeWrites.photos[2].filename}`]).toBeUndefined()
    expect(wrecked.users).toHaveLength(beforeWrites.users.length - 1)
    await stopServer(payload)

    const run = await runNpm(['restore', '--', onlineBackup], commandEnv())
    expect(run.stderr).not.toMatch(/✖/)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('✔ 恢复完成')
    const manifest = readManifest(onlineBackup)
    expect(await sha256OfFile(databaseFile)).toBe(manifest.database.sha256)
    expect(fs.existsSync(`${databaseFile}-wal`)).toBe(false)
    const restoredMedia = listTree(mediaDir)
    expect(restoredMedia.files).toEqual(manifest.media.files.map((file) => file.path))
    for (const file of manifest.media.files) expect(await sha256OfFile(path.join(mediaDir, ...file.path.split('/')))).toBe(file.sha256)

    const [databaseAside] = fs.readdirSync(dataDir).filter((entry) => /^newsroom\.db\.before-restore-\d{8}-\d{6}$/.test(entry))
    expect(run.stdout).toContain(path.join(dataDir, databaseAside))
    const asideTitles = await withSqliteFile(path.join(dataDir, databaseAside), async (client) => (await client.execute('SELECT title FROM articles')).rows.map((row) => row[0]))
    expect(asideTitles).toContain('恢复前新增的稿件')
    const [mediaAside] = fs.readdirSync(root).filter((entry) => /^media\.before-restore-\d{8}-\d{6}$/.test(entry))
    expect(fs.readFileSync(path.join(root, mediaAside, 'photos', String(beforeWrites.photos[0].filename)), 'utf8')).toBe('not a photo any more')

    const restarted = await startServer('after-restore')
    const restored = await captureNewsroom(restarted, mediaDir)
    const sameIds = <T extends { id: unknown }>(docs: T[], kept: T[]) => docs.filter((doc) => kept.some((before) => before.id === doc.id))
    expect(sameIds(restored.articles, beforeWrites.articles)).toEqual(beforeWrites.articles)
    expect(sameIds(restored.drafts, beforeWrites.drafts)).toEqual(beforeWrites.drafts)
    expect(sameIds(restored.versions, beforeWrites.versions)).toEqual(beforeWrites.versions)
    expect(sameIds(restored.photos, beforeWrites.photos)).toEqual(beforeWrites.photos)
    expect(restored.users).toEqual(beforeWrites.users)
    for (const [file, sha256] of Object.entries(beforeWrites.mediaFiles)) expect(restored.mediaFiles[file]).toBe(sha256)
    expect(restored.articles).toHaveLength(manifest.counts.articles)
    expect(restored.versions).toHaveLength(manifest.counts.articleVersions)
    expect(restored.photos).toHaveLength(manifest.counts.photos)
    expect(restored.articles.map((article) => article.title)).not.toContain('恢复前新增的稿件')
    const login = await restarted.login({ collection: 'users', data: { email: content.staff.otherJournalist.email, password: STAFF_PASSWORD } })
    expect(login.user?.id).toBe(content.staff.otherJournalist.id)
  })

  it('refuses MongoDB in both commands, pointing to mongodump and mongorestore', async () => {
    const mongo = commandEnv({ DATABASE_URI: 'mongodb://mongo:27017/newsroom?replicaSet=rs0' })
    const backup = await runNpm(['backup', '--', '--out', path.join(root, 'mongo-backups')], mongo)
    expect(backup.code).toBe(1)
    expect(backup.stderr).toContain('当前 DATABASE_URI 指向 MongoDB')
    expect(backup.stderr).toContain('mongodump --uri "$DATABASE_URI" --archive=newsroom.archive --gzip')
    expect(fs.existsSync(path.join(root, 'mongo-backups'))).toBe(false)
    const restore = await runNpm(['restore', '--', onlineBackup], mongo)
    expect(restore.code).toBe(1)
    expect(restore.stderr).toContain('mongorestore --uri "$DATABASE_URI" --archive=newsroom.archive --gzip --drop')
  })
})
