import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { copyTreeWithDigests, sha256OfFile } from '@/backup/fileDigest'
import { isSafeRelativePath, MANIFEST_FILE, readManifest } from '@/backup/manifest'
import { formatBytes } from '@/backup/report'
import { shanghaiTimestamp, unusedPath } from '@/backup/timestamp'

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-unit-'))
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

describe('backup names', () => {
  it('stamps directories with Beijing time, whatever the machine zone', () => {
    expect(shanghaiTimestamp(new Date('2026-11-23T07:30:00Z'))).toBe('20261123-153000')
    expect(shanghaiTimestamp(new Date('2026-11-23T16:05:09.999Z'))).toBe('20261124-000509')
  })

  it('never reuses a name, for the file or any of its companions', () => {
    const base = path.join(scratch, 'newsroom.db.before-restore-20261123-153000')
    expect(unusedPath(base)).toBe(base)
    fs.writeFileSync(`${base}-wal`, '')
    expect(unusedPath(base, ['', '-wal'])).toBe(`${base}-2`)
  })

  it('prints sizes people read', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(1536)).toBe('1.5 KB')
    expect(formatBytes(5 * 1024 ** 3)).toBe('5.0 GB')
  })
})

describe('backup manifests', () => {
  it('accepts only relative paths that stay inside the backup', () => {
    for (const safe of ['photos/a.webp', 'a', 'photos/2026/a b.jpg']) expect(isSafeRelativePath(safe)).toBe(true)
    for (const unsafe of ['', '/etc/passwd', '../x', 'photos/../../x', 'photos//a', './a', 'a\\b', 7]) expect(isSafeRelativePath(unsafe)).toBe(false)
  })

  it('refuses a manifest that would write outside the media directory', () => {
    const dir = path.join(scratch, 'tampered')
    fs.mkdirSync(dir)
    const manifest = {
      format: 'newsroom-sqlite-backup',
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      source: { databaseFile: '/x', mediaDir: '/y' },
      database: { file: 'newsroom.db', bytes: 1, sha256: 'a'.repeat(64) },
      counts: { articles: 0, articleVersions: 0, photos: 0, users: 0 },
      media: { directory: 'media', directories: [], files: [{ path: '../../outside', bytes: 1, sha256: 'b'.repeat(64) }], totalBytes: 1 },
      warnings: [],
    }
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest))
    expect(() => readManifest(dir)).toThrow(/备份清单格式不对/)
    manifest.media.files[0].path = 'photos/inside.webp'
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), JSON.stringify(manifest))
    expect(readManifest(dir).media.files[0].path).toBe('photos/inside.webp')
    fs.writeFileSync(path.join(dir, MANIFEST_FILE), '{ not json')
    expect(() => readManifest(dir)).toThrow(/备份清单无法读取/)
  })
})

describe('copying the media directory', () => {
  it('copies nested files and empty directories, hashing the bytes it wrote, and reports links instead of following them', async () => {
    const source = path.join(scratch, 'media')
    fs.mkdirSync(path.join(source, 'photos', 'empty'), { recursive: true })
    fs.writeFileSync(path.join(source, 'photos', '照片.webp'), Buffer.from([1, 2, 3, 250]))
    fs.writeFileSync(path.join(source, 'readme.txt'), '媒体')
    fs.symlinkSync('/etc/hostname', path.join(source, 'link'))
    const target = path.join(scratch, 'copy')
    const copied = await copyTreeWithDigests(source, target)
    expect(copied.directories).toEqual(['photos', 'photos/empty'])
    expect(copied.files.map((file) => [file.path, file.bytes])).toEqual([
      ['photos/照片.webp', 4],
      ['readme.txt', 6],
    ])
    for (const file of copied.files) expect(file.sha256).toBe(await sha256OfFile(path.join(target, ...file.path.split('/'))))
    expect(copied.skipped).toEqual(['link'])
    expect(fs.existsSync(path.join(target, 'photos', 'empty'))).toBe(true)
    expect(fs.existsSync(path.join(target, 'link'))).toBe(false)
  })

  it('treats a missing media directory as empty', async () => {
    expect(await copyTreeWithDigests(path.join(scratch, 'no-media'), path.join(scratch, 'no-media-copy'))).toEqual({ directories: [], files: [], skipped: [], vanished: [] })
  })
})
