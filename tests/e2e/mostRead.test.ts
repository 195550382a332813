import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Browser } from 'playwright-core'

import { toShanghaiDate } from '@/newsroom/dates'
import { signIn } from '../helpers/adminSession'
import { launchChromium } from '../helpers/browser'
import { type DemoServer, startDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'

/**
 * Views counted from Chromium against the production build: a reader is told apart by address
 * and browser, and every visit here comes from 127.0.0.1, so each reader is a context with a
 * browser version of its own. Chromium's default headless user agent says HeadlessChrome, which
 * counts as a robot: every context names its browser.
 */
const readerAgent = (n: number) => `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.${n}.0 Safari/537.36`
const GOOGLEBOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-most-read-'))
let browser: Browser
let server: DemoServer
let readers = 0

beforeAll(async () => {
  browser = await launchChromium()
  // No timed flush: what is counted before the restart reaches the database only at shutdown.
  server = await startDemoServer({ dir, env: { VIEW_FLUSH_SECONDS: '3600' } })
}, 15 * 60 * 1000)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

/** One visit to an article in a fresh browser, as a new reader unless a user agent is given; resolves once the beacon was answered, with the page's headline. */
async function visit(slug: string, times = 1, userAgent = readerAgent(++readers)): Promise<string> {
  const context = await browser.newContext({ userAgent })
  const page = await context.newPage()
  let headline = ''
  for (let time = 0; time < times; time++) {
    const beacon = page.waitForResponse((response) => response.url().endsWith('/api/article-views/beacon'), { timeout: 15_000 })
    await page.goto(`${server.baseUrl}/articles/${slug}`)
    expect((await beacon).status()).toBe(204)
    headline = (await page.locator('h1').first().textContent()) ?? ''
  }
  await context.close()
  return headline
}

/** The front page's 热点排行 for one window, as its links read. */
async function mostRead(window: '24h' | '7d'): Promise<string[]> {
  const html = await (await fetch(`${server.baseUrl}/`)).text()
  const list = html.match(new RegExp(`data-window="${window}">([\\s\\S]*?)</ol>`))?.[1] ?? ''
  return [...list.matchAll(/<a [^>]*>([^<]*)<\/a>/g)].map((link) => link[1])
}

async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last = await read()
  while (JSON.stringify(last) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    last = await read()
  }
  return last
}

describe('热点排行 in Chromium', () => {
  it('ranks articles by the views readers’ browsers counted, kept across a restart, with robots and repeat views left out', async () => {
    const home = await (await fetch(`${server.baseUrl}/`)).text()
    const slugs = [...new Set([...home.matchAll(/href="\/articles\/([a-z0-9-]+)"/g)].map((match) => match[1]))]
    expect(slugs.length).toBeGreaterThanOrEqual(3)
    // Not the front page's order, so the ranking cannot pass by copying it.
    const [second, third, first] = slugs
    expect(await mostRead('24h')).toEqual([])

    const titles: Record<string, string> = {}
    titles[first] = await visit(first, 3)
    await visit(first)
    await visit(first)
    titles[second] = await visit(second)
    await visit(second)
    titles[third] = await visit(third)
    for (let robot = 0; robot < 4; robot++) await visit(third, 1, GOOGLEBOT)

    // SIGTERM: the server writes what it counted before it exits.
    await server.stop()
    server = await startDemoServer({ dir, env: { VIEW_FLUSH_SECONDS: '1', MOST_READ_REFRESH_SECONDS: '1' } })

    const editor = await signInSession(server.baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    const rows = await editor.rest(`/api/article-views?depth=1&limit=100&where[day][equals]=${toShanghaiDate(new Date())}`)
    expect(rows.status).toBe(200)
    const counted = Object.fromEntries(rows.json.docs.map((row: { article: { slug: string }; views: number }) => [row.article.slug, row.views]))
    expect(counted).toEqual({ [first]: 3, [second]: 2, [third]: 1 })
    expect((await fetch(`${server.baseUrl}/api/article-views`)).status).toBe(403)

    expect(await eventually(() => mostRead('24h'), [titles[first], titles[second], titles[third]])).toEqual([titles[first], titles[second], titles[third]])
    expect(await mostRead('7d')).toEqual([titles[first], titles[second], titles[third]])

    // Three more readers put the third article first: flushed within a second, shown at the scheduler's next tick.
    for (let reader = 0; reader < 3; reader++) await visit(third)
    expect(await eventually(() => mostRead('24h'), [titles[third], titles[first], titles[second]])).toEqual([titles[third], titles[first], titles[second]])
  }, 10 * 60 * 1000)

  it('shows editors the counts in the article list and the week’s 阅读排行 on the dashboard', async () => {
    const editor = await signIn(browser, server.baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    const ranking = editor.getByTestId('queue-阅读排行')
    await ranking.waitFor()
    const entries = (await ranking.locator('li').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())
    expect(entries.map((entry) => entry.match(/(\d+) 次$/)?.[1])).toEqual(['4', '3', '2'])

    await editor.goto(`${server.baseUrl}/admin/collections/articles?limit=100`)
    const counts = editor.locator('.article-views-cell')
    await counts.first().waitFor()
    const shown = (await counts.allTextContents()).filter((text) => text !== '—' && text !== '0 / 0').sort()
    expect(shown).toEqual(['2 / 2', '3 / 3', '4 / 4'])
    await editor.context().close()

    const journalist = await signIn(browser, server.baseUrl, 'journalist@newsroom.test', 'newsroom-demo')
    await journalist.locator('.editorial-dashboard').waitFor()
    expect(await journalist.getByTestId('queue-阅读排行').count()).toBe(0)
    await journalist.goto(`${server.baseUrl}/admin/collections/articles?limit=100`)
    await journalist.waitForLoadState('networkidle')
    expect((await journalist.locator('.article-views-cell').allTextContents()).filter((text) => text !== '—')).toEqual([])
    await journalist.context().close()
  }, 5 * 60 * 1000)
})
