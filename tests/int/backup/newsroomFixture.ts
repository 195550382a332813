import path from 'node:path'
import { pathToFileURL } from 'node:url'

import { type Client, createClient } from '@libsql/client'
import type { Payload } from 'payload'
import sharp from 'sharp'

import type { User } from '@payload-types'
import { listTree, sha256OfFile } from '@/backup/fileDigest'
import { createStaff, type Staff } from '../../helpers/newsroomUsers'
import { publishThroughChain } from '../../helpers/workflow'

/** Random noise: no two photos, and no two runs, share bytes, so a restored file cannot match by accident. */
export async function renderTestPhoto(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#336699', noise: { type: 'gaussian', mean: 128, sigma: 48 } } })
    .jpeg({ quality: 80 })
    .toBuffer()
}

export async function uploadPhoto(payload: Payload, name: string, width = 900, height = 600) {
  const image = await renderTestPhoto(width, height)
  return payload.create({
    collection: 'photos',
    data: { alt: `备份测试图片 ${name}`, caption: `图片说明 ${name}` },
    file: { data: image, mimetype: 'image/jpeg', name: `${name}.jpg`, size: image.length },
  })
}

const asUser = (user: User) => ({ user: { ...user, collection: 'users' as const } })

export type NewsroomContent = { staff: Staff; photoIds: (number | string)[]; articleIds: (number | string)[] }

/** Users, uploaded photos, and articles with several versions each: drafts revised, some published. */
export async function createNewsroomContent(payload: Payload): Promise<NewsroomContent> {
  const staff = await createStaff(payload)
  const photoIds: (number | string)[] = []
  for (const name of ['harbour', 'market', 'school']) photoIds.push((await uploadPhoto(payload, name)).id)
  const articleIds: (number | string)[] = []
  for (let index = 0; index < 4; index++) {
    const article = await payload.create({
      collection: 'articles',
      data: { title: `备份测试稿件 ${index}`, subtitle: `副题 ${index}`, leadPhoto: photoIds[index % photoIds.length] } as never,
      draft: true,
      ...asUser(staff.journalist),
    })
    await payload.update({ collection: 'articles', id: article.id, data: { title: `备份测试稿件 ${index}（二稿）` } as never, draft: true, ...asUser(staff.journalist) })
    if (index < 2) await publishThroughChain(payload, staff, article.id)
    articleIds.push(article.id)
  }
  return { staff, photoIds, articleIds }
}

export type WriteRecord = { writer: number; id: number | string; startedAt: number; committedAt: number }

/**
 * Writers that keep creating and revising articles, and now and then uploading a photo,
 * until stopped: the load a busy newsroom puts on the database while a backup runs.
 */
export function keepWriting(payload: Payload, writers = 2) {
  let stopped = false
  const records: WriteRecord[] = []
  let sequence = 0
  const writer = async (_: unknown, writerNumber: number) => {
    while (!stopped) {
      const number = ++sequence
      const startedAt = Date.now()
      const article = await payload.create({ collection: 'articles', data: { title: `并发写入的稿件 ${number}` } as never, draft: true })
      await payload.update({ collection: 'articles', id: article.id, data: { title: `并发写入的稿件 ${number}（二稿）` } as never, draft: true })
      if (number % 8 === 0) await uploadPhoto(payload, `concurrent-${number}`, 320, 240)
      records.push({ writer: writerNumber, id: article.id, startedAt, committedAt: Date.now() })
    }
  }
  const running = Promise.all(Array.from({ length: writers }, writer))
  return {
    records,
    async stop(): Promise<WriteRecord[]> {
      stopped = true
      await running
      return records
    },
  }
}

export const PROBE_TOTAL = 1_000_000

/**
 * Transfers between two balances, each transfer one SQLite transaction, as fast as the event
 * loop allows: a snapshot taken at one instant shows the sum intact, a torn copy would not.
 * The transfers go through the server's own connection, whose writes queue behind its
 * transactions: a second connection in this process would meet SQLite's lock synchronously
 * and freeze the event loop, so the transaction holding it could never finish.
 */
export async function keepTransferring(payload: Payload) {
  const client = (payload.db as unknown as { client: Client }).client
  await client.execute('CREATE TABLE backup_probe (account TEXT PRIMARY KEY, balance INTEGER NOT NULL)')
  await client.execute({ sql: "INSERT INTO backup_probe VALUES ('from', ?), ('to', 0)", args: [PROBE_TOTAL] })
  let stopped = false
  let transfers = 0
  const running = (async () => {
    while (!stopped) {
      await client.batch(["UPDATE backup_probe SET balance = balance - 1 WHERE account = 'from'", "UPDATE backup_probe SET balance = balance + 1 WHERE account = 'to'"], 'write')
      transfers++
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
  })()
  return {
    count: () => transfers,
    async stop(): Promise<number> {
      stopped = true
      await running
      return transfers
    },
  }
}

/**
 * A long read, as a report or export on a busy server makes. SQLite cannot checkpoint past a
 * reader's snapshot, so while it lasts every later commit lives only in the -wal file: a backup
 * that copied the database file instead of reading through SQLite would miss all of them.
 */
export async function holdLongRead(databaseFile: string) {
  const client = createClient({ url: pathToFileURL(databaseFile).href })
  await client.execute('BEGIN')
  await client.execute('SELECT count(*) FROM articles')
  return {
    async release(): Promise<void> {
      await client.execute('COMMIT')
      client.close()
    },
  }
}

const everything = { pagination: false, depth: 0, sort: 'id', showHiddenFields: true, overrideAccess: true } as const

/** Everything a restore must bring back, as Payload reads it, plus the bytes of every media file. */
export async function captureNewsroom(payload: Payload, mediaDir: string) {
  const mediaFiles: Record<string, string> = {}
  for (const file of listTree(mediaDir).files) mediaFiles[file] = await sha256OfFile(path.join(mediaDir, ...file.split('/')))
  return {
    articles: (await payload.find({ collection: 'articles', ...everything })).docs,
    drafts: (await payload.find({ collection: 'articles', draft: true, ...everything })).docs,
    versions: (await payload.findVersions({ collection: 'articles', ...everything })).docs,
    photos: (await payload.find({ collection: 'photos', ...everything })).docs,
    users: (await payload.find({ collection: 'users', ...everything })).docs,
    mediaFiles,
  }
}

export type NewsroomCapture = Awaited<ReturnType<typeof captureNewsroom>>
