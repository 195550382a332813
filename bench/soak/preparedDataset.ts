import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { type DatasetShape } from '../dataset'
import { fillNewsroom, type SiteDataset } from '../site/dataset'
import { DATABASE_FILE } from '../workspace'

export type EditorAccount = { email: string; password: string; name: string }
export type PreparedDataset = { dataset: SiteDataset; key: string; fromCache: boolean; seconds: number; directory: string }

/** Prepared databases, one per key (gitignored: bench/.gitignore). */
const CACHE_DIR = path.resolve('bench', '.cache', 'soak-datasets')
/** What the prepared database is made from: a change to any of these makes a new one. */
const SOURCES = ['bench/dataset.ts', 'bench/site/dataset.ts', 'bench/soak/preparedDataset.ts', 'src/seed/data', 'src/seed/pages', 'src/seed/placeholderImage.ts']

function filesUnder(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry]
  return fs
    .readdirSync(entry)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)))
}

/**
 * The key of a prepared database: the dataset's shape, the editor accounts in it, the list of
 * migrations (the schema it was written with) and the hash of the code and seed data it was
 * generated from.
 */
export function datasetKey(shape: DatasetShape, accounts: EditorAccount[], migrations: string[], sourcesDigest: string): string {
  return createHash('sha256')
    .update(JSON.stringify({ shape, accounts: accounts.map((account) => account.email), migrations, sourcesDigest }))
    .digest('hex')
    .slice(0, 16)
}

function sourcesDigest(): string {
  const hash = createHash('sha256')
  for (const file of SOURCES.flatMap((source) => filesUnder(path.resolve(source)))) hash.update(path.relative(process.cwd(), file)).update(fs.readFileSync(file))
  return hash.digest('hex')
}

/** The database file with SQLite's companions (-wal, -shm) when there are any. */
const databaseFiles = (dir: string, name: string) => fs.readdirSync(dir).filter((file) => file === name || file.startsWith(`${name}-`))

function copyDatabase(fromDir: string, fromName: string, toDir: string, toName: string, mediaFrom: string, mediaTo: string): void {
  fs.mkdirSync(toDir, { recursive: true })
  for (const file of databaseFiles(fromDir, fromName)) fs.copyFileSync(path.join(fromDir, file), path.join(toDir, file.replace(fromName, toName)))
  if (fs.existsSync(mediaFrom)) fs.cpSync(mediaFrom, mediaTo, { recursive: true })
}

/**
 * The soak's newsroom in DATABASE_FILE (and its photos in MEDIA_DIR): copied from the prepared
 * database of the same key when there is one (seconds, where generating 10,000 articles through
 * the Local API takes many minutes), otherwise generated, with the editors' accounts (the
 * signers of the review chain come with fillNewsroom's newsroom), and kept.
 */
export async function prepareDataset(shape: DatasetShape, accounts: EditorAccount[], log: (line: string) => void): Promise<PreparedDataset> {
  const started = performance.now()
  const migrations = fs.readdirSync(path.resolve('src', 'migrations')).filter((file) => /\.(ts|json)$/.test(file)).sort()
  const key = datasetKey(shape, accounts, migrations, sourcesDigest())
  const directory = path.join(CACHE_DIR, `${shape.articles}-${key}`)
  const mediaDir = process.env.MEDIA_DIR!
  const seconds = () => Math.round((performance.now() - started) / 100) / 10
  if (fs.existsSync(path.join(directory, 'dataset.json'))) {
    copyDatabase(directory, 'soak.db', path.dirname(DATABASE_FILE), path.basename(DATABASE_FILE), path.join(directory, 'media'), mediaDir)
    const dataset = JSON.parse(fs.readFileSync(path.join(directory, 'dataset.json'), 'utf8')) as SiteDataset
    log(`沿用已准备的数据库 ${path.relative(process.cwd(), directory)}（${shape.articles} 篇稿件），复制用时 ${seconds()} s`)
    return { dataset, key, fromCache: true, seconds: seconds(), directory }
  }

  log(`正在生成数据（${shape.articles} 篇稿件，之后存入 ${path.relative(process.cwd(), directory)} 供下次复用）…`)
  const { getPayload } = await import('payload')
  const { default: config } = await import('@payload-config')
  const payload = await getPayload({ config })
  const dataset = await fillNewsroom(payload, shape, log)
  // In the desk: the articles they create are filed with it, as 提交审核 requires.
  for (const [index, account] of accounts.entries()) await payload.create({ collection: 'users', data: { ...account, name: `${account.name}${index + 1}`, roles: ['editor'], desks: [dataset.desk] } as never })
  // The servers are the only writers from here on, as in production.
  await payload.destroy()
  // Written beside and renamed, so an interrupted copy is never taken for a prepared database.
  const partial = `${directory}.partial-${process.pid}`
  fs.rmSync(partial, { recursive: true, force: true })
  copyDatabase(path.dirname(DATABASE_FILE), path.basename(DATABASE_FILE), partial, 'soak.db', mediaDir, path.join(partial, 'media'))
  fs.writeFileSync(path.join(partial, 'dataset.json'), JSON.stringify(dataset))
  fs.rmSync(directory, { recursive: true, force: true })
  fs.renameSync(partial, directory)
  log(`数据已生成并保存，用时 ${seconds()} s`)
  return { dataset, key, fromCache: false, seconds: seconds(), directory }
}
