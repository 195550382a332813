import { randomBytes } from 'node:crypto'

import type { Payload } from 'payload'

import type { Role } from '@/access/roles'
import { analyzeSqlite } from '@/database/adapter'
import { creditedBylinesKey } from '@/newsroom/bylines'
import { SEED_CONTEXT } from '@/seed/seedNewsroom'
import { generateArticles, generatedVocabulary, lexicalBodyOf } from './dataset'
import { percentiles, type Percentiles } from './stats'

export type AdminListBenchResult = {
  articles: number
  fill: { added: number; seconds: number; articlesPerSecond: number }
  editor: Percentiles & { requests: number }
  journalist: Percentiles & { requests: number }
}

type Id = number | string
const PAGE_SIZE = 50

/** Ids by name of the columns or bylines named, creating those the database lacks (the site part may have made some). */
async function ensureNamed(payload: Payload, collection: 'columns' | 'bylines', names: string[]): Promise<Map<string, Id>> {
  const existing = await payload.find({ collection, pagination: false, depth: 0, select: { name: true } })
  const ids = new Map<string, Id>(existing.docs.map((doc) => [doc.name, doc.id]))
  for (const name of names) {
    if (!ids.has(name)) ids.set(name, (await payload.create({ collection, data: (collection === 'bylines' ? { name, kind: 'staff' } : { name }) as never, context: SEED_CONTEXT })).id)
  }
  return ids
}

/**
 * Tops the database up to `size` published articles, each with the version row a
 * drafts-enabled collection keeps, written through the database adapter's own
 * create/createVersion (the calls Payload's create operation ends in, on either engine)
 * without the per-document hooks, which would take hours at 100,000.
 */
async function fillArticles(payload: Payload, size: number, log: (line: string) => void): Promise<{ added: number; bylineIds: Id[] }> {
  const { names, columns: columnNames } = generatedVocabulary()
  const columnIds = await ensureNamed(payload, 'columns', columnNames)
  const bylineIds = await ensureNamed(payload, 'bylines', names)
  const added = Math.max(0, size - (await payload.count({ collection: 'articles' })).totalDocs)
  for (const article of generateArticles(added, { seed: 20261123, names, columns: columnNames })) {
    const now = new Date().toISOString()
    const data = {
      title: article.title,
      kicker: article.kicker,
      subtitle: article.subtitle,
      summary: article.summary,
      slug: `admin-bench-${article.index + 1}`,
      body: lexicalBodyOf(article),
      articleType: 'news',
      // Array rows carry the ids Payload's hooks would have given them.
      bylines: article.bylines.map((name) => ({ id: randomBytes(12).toString('hex'), byline: bylineIds.get(name), role: 'reporter' })),
      creditedBylines: creditedBylinesKey(article.bylines.map((name) => bylineIds.get(name) as Id)),
      column: article.column ? columnIds.get(article.column) : null,
      workflowState: 'published',
      publishedAt: article.publishedAt,
      _status: 'published',
      createdAt: now,
      updatedAt: now,
    }
    const created = await payload.db.create({ collection: 'articles', data, returning: true })
    await payload.db.createVersion({ collectionSlug: 'articles', parent: created.id, versionData: { ...data, id: created.id }, autosave: false, createdAt: now, updatedAt: now, returning: false })
    if ((article.index + 1) % 10_000 === 0) log(`  稿件：${article.index + 1} 篇`)
  }
  return { added, bylineIds: [...bylineIds.values()] }
}

async function benchUser(payload: Payload, data: { email: string; password: string; name: string; roles: Role[]; byline?: Id }) {
  const existing = await payload.find({ collection: 'users', where: { email: { equals: data.email } }, limit: 1 })
  return existing.docs[0] ?? (await payload.create({ collection: 'users', data: data as never }))
}

/**
 * The admin's article list at `size` articles: the query its list view runs (latest version
 * of every article, drafts included, 50 a page, newest publication first, its columns and
 * lock status), through the Local
 * API as the signed-in user, with that user's access rules applied, for an editor (every
 * article) and a journalist (published articles, and drafts they own or that credit them).
 */
export async function runAdminListBench(payload: Payload, options: { size: number; rounds: number; log: (line: string) => void }): Promise<AdminListBenchResult> {
  const started = performance.now()
  const { added, bylineIds } = await fillArticles(payload, options.size, options.log)
  const seconds = (performance.now() - started) / 1000
  // As the server does whenever it starts, with this many rows in place.
  await analyzeSqlite(payload)
  const editor = await benchUser(payload, { email: 'list-editor@bench.local', password: 'admin-list-bench-passphrase-e', name: '列表编辑', roles: ['editor'] })
  const journalist = await benchUser(payload, { email: 'list-journalist@bench.local', password: 'admin-list-bench-passphrase-j', name: '列表记者', roles: ['journalist'], byline: bylineIds[0] })
  // What the list view asks for: its columns only, when the collection opts into that.
  const { admin } = payload.collections.articles.config
  const select = admin.enableListViewSelectAPI ? Object.fromEntries((admin.defaultColumns ?? []).map((column) => [column, true])) : undefined
  const time = async (user: typeof editor) => {
    const times: number[] = []
    const pages = Math.max(1, Math.floor(options.size / PAGE_SIZE))
    for (let round = 0; round < options.rounds; round += 1) {
      const begun = performance.now()
      // Early pages most often, as editors page through the newest work.
      await payload.find({ collection: 'articles', draft: true, depth: 0, includeLockStatus: true, limit: PAGE_SIZE, page: 1 + ((round * round) % Math.min(pages, 20)), select, sort: '-publishedAt', user, overrideAccess: false })
      times.push(performance.now() - begun)
    }
    return { ...percentiles(times), requests: times.length }
  }
  return {
    articles: options.size,
    fill: { added, seconds: Math.round(seconds * 10) / 10, articlesPerSecond: Math.round(added / seconds) },
    editor: await time(editor),
    journalist: await time(journalist),
  }
}
