import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { pageKeyOf } from '@/import/importPage'
import { parsePage } from '@/import/parsePage'
import { readSeedPage } from '@/seed/data'
import { paragraphNode, rootNode } from '@/seed/lexical'
import { type DemoServer, startDemoServer } from '../helpers/demoServer'
import { saveArticle, type Session, signInSession } from '../helpers/restClient'
import { seededRandom } from '../../bench/seededRandom'
import { submitAndSignOverApi } from '../helpers/demoChain'

/**
 * Kills the production server with SIGKILL while editors save, publish and import, starts it
 * again on what it left, and checks that every article is whole: each save either fully
 * stored (fields, bylines, tags, latest version and search entry all of one save) or not at
 * all, and none the server acknowledged is lost.
 */
const ROUNDS = 3
const random = seededRandom(20261123)
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-crash-'))
const SEED_TEXT = readSeedPage('000')

let server: DemoServer
let editor: Session

async function restart(): Promise<void> {
  server = await startDemoServer({ dir })
  editor = await signInSession(server.baseUrl, 'editor@newsroom.test', 'newsroom-demo')
}

afterAll(async () => {
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

type Ledger = { attempted: number; acknowledged: number }
const saves: Ledger = { attempted: 0, acknowledged: 0 }
const publications: { id: number | string; slug: string; acknowledged: boolean }[] = []
const imports: { key: string; articles: number; acknowledged: boolean }[] = []
let savedArticle: number | string
let bylineIds: (number | string)[] = []
let tagIds: (number | string)[] = []

const marker = (n: number) => `crashgen${n}`
function saveData(n: number) {
  return {
    title: `断电保存测试 第${n}次`,
    summary: marker(n),
    body: rootNode([paragraphNode(`正文 ${marker(n)}`)]),
    bylines: bylineIds.slice(0, 1 + (n % 3)).map((byline) => ({ byline, role: 'reporter' })),
    tags: [tagIds[n % 2]],
  }
}

/** Runs `step` until the server stops answering; a refused request is a failure only while it is up. */
async function untilCrash(step: () => Promise<boolean>): Promise<void> {
  try {
    while (await step());
  } catch {
    // The connection died with the server.
  }
}

async function prepareRound(round: number) {
  const ready: { id: number | string; slug: string }[] = []
  for (let index = 0; index < 3; index += 1) {
    const { json } = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: `断电发布测试 第${round}轮 第${index}篇` } })
    await submitAndSignOverApi(server.baseUrl, json.doc.id, editor)
    ready.push({ id: json.doc.id, slug: json.doc.slug })
  }
  return ready
}

async function runUntilKilled(round: number): Promise<void> {
  const ready = await prepareRound(round)
  const pageText = `${SEED_TEXT}\n\n断电导入测试第${round}版`
  const page = { key: pageKeyOf(pageText), articles: parsePage(pageText).articles.length, acknowledged: false }
  imports.push(page)
  const saver = untilCrash(async () => {
    const n = (saves.attempted += 1)
    const { status } = await saveArticle(editor, savedArticle, saveData(n))
    expect(status).toBe(200)
    saves.acknowledged = n
    return true
  })
  const publisher = untilCrash(async () => {
    const next = ready.shift()
    if (!next) return false
    const entry = { ...next, acknowledged: false }
    publications.push(entry)
    entry.acknowledged = (await editor.rest(`/api/articles/${next.id}/workflow`, { method: 'POST', body: { action: 'publish' } })).status === 200
    return true
  })
  // Each round's page has the same headlines: a day of its own keeps them from matching the last round's drafts.
  const importer = untilCrash(async () => {
    const { json } = await editor.rest('/api/import', { method: 'POST', body: { files: [{ name: `crash-${round}.txt`, content: Buffer.from(pageText).toString('base64'), edition: { date: `2025-01-${String(round + 1).padStart(2, '0')}`, pageNumber: 1, pageName: '断电测试' } }] } })
    page.acknowledged = json?.files?.[0]?.status === 'created'
    return false
  })
  await new Promise((resolve) => setTimeout(resolve, 800 + random() * 2500))
  await server.crash()
  await Promise.all([saver, publisher, importer])
}

async function expectSavesWhole(): Promise<void> {
  const { json: article } = await editor.rest(`/api/articles/${savedArticle}?draft=true&depth=0`)
  const n = Number(/第(\d+)次/.exec(article.title)?.[1])
  expect(n).toBeGreaterThanOrEqual(saves.acknowledged)
  expect(n).toBeLessThanOrEqual(saves.attempted)
  const expected = saveData(n)
  expect(article.summary).toBe(expected.summary)
  expect(JSON.stringify(article.body)).toContain(marker(n))
  expect(article.bylines.map((row: { byline: unknown }) => row.byline)).toEqual(expected.bylines.map((row) => row.byline))
  expect(article.tags).toEqual(expected.tags)
  const { json: versions } = await editor.rest(`/api/articles/versions?where[parent][equals]=${savedArticle}&sort=-updatedAt&limit=1&depth=0`)
  expect(versions.docs[0].version.title).toBe(article.title)
  expect(versions.docs[0].version.bylines).toHaveLength(expected.bylines.length)
  const found = async (word: string) => (await editor.rest(`/api/search?q=${word}&drafts=true`)).json.docs.map((doc: { title: string }) => doc.title)
  expect(await found(marker(n))).toEqual([article.title])
  if (n > 1) expect(await found(marker(n - 1))).toEqual([])
}

async function expectPublicationsWhole(): Promise<void> {
  for (const { id, slug, acknowledged } of publications) {
    const { json: article } = await editor.rest(`/api/articles/${id}?depth=0`)
    const events = (await editor.rest(`/api/workflow-events?where[article][equals]=${id}&where[action][equals]=publish&limit=10`)).json.docs
    const readerStatus = (await fetch(`${server.baseUrl}/articles/${slug}`)).status
    if (article.workflowState === 'published') {
      expect([article._status, events.length, readerStatus]).toEqual(['published', 1, 200])
    } else {
      expect(acknowledged).toBe(false)
      expect([article.workflowState, events.length, readerStatus]).toEqual(['signed', 0, 404])
    }
  }
}

async function expectImportsWhole(): Promise<void> {
  for (const page of imports) {
    const { json } = await editor.rest(`/api/articles?draft=true&depth=0&limit=1&where[sourceKey][like]=${encodeURIComponent(`import:${page.key}:`)}`)
    expect([0, page.articles]).toContain(json.totalDocs)
    if (page.acknowledged) expect(json.totalDocs).toBe(page.articles)
  }
}

describe('a server killed while editors write', () => {
  beforeAll(async () => {
    await restart()
    bylineIds = (await editor.rest('/api/bylines?limit=3&depth=0')).json.docs.map((doc: { id: number }) => doc.id)
    tagIds = (await editor.rest('/api/tags?limit=2&depth=0')).json.docs.map((doc: { id: number }) => doc.id)
    savedArticle = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '断电保存测试 第0次' } })).json.doc.id
  }, 15 * 60 * 1000)

  it('leaves every save, publication and import whole or absent, and loses none it acknowledged', async () => {
    expect(bylineIds).toHaveLength(3)
    expect(tagIds).toHaveLength(2)
    for (let round = 1; round <= ROUNDS; round += 1) {
      await runUntilKilled(round)
      await restart()
      await expectSavesWhole()
      await expectPublicationsWhole()
      await expectImportsWhole()
    }
    const unacknowledged = saves.attempted - saves.acknowledged
    console.log(`${ROUNDS} kills: ${saves.acknowledged} saves acknowledged (${unacknowledged} in flight when killed), ${publications.filter((entry) => entry.acknowledged).length}/${publications.length} publications acknowledged, ${imports.filter((page) => page.acknowledged).length}/${imports.length} imports acknowledged`)
    expect(saves.acknowledged).toBeGreaterThan(0)
  }, 10 * 60 * 1000)

  it('publishes after a restart an article whose scheduled time passed while the server was down', async () => {
    const { json } = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '停机期间到点的定时稿件' } })
    await submitAndSignOverApi(server.baseUrl, json.doc.id, editor)
    const publishAt = new Date(Date.now() + 15_000)
    expect((await editor.rest(`/api/articles/${json.doc.id}/workflow`, { method: 'POST', body: { action: 'schedule', publishAt: publishAt.toISOString() } })).json.state).toBe('scheduled')
    await server.crash()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, publishAt.getTime() + 2_000 - Date.now())))
    await restart()

    const deadline = Date.now() + 90_000
    let status = 0
    while (Date.now() < deadline && status !== 200) {
      status = (await fetch(`${server.baseUrl}/articles/${json.doc.slug}`)).status
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 1_000))
    }
    expect(status).toBe(200)
    const events = (await editor.rest(`/api/workflow-events?where[article][equals]=${json.doc.id}&where[action][equals]=publish`)).json.docs
    expect(events).toHaveLength(1)
  }, 5 * 60 * 1000)
})
