import http from 'node:http'

import type { Page } from 'playwright-core'

import { useDemoServer } from '../helpers/demoServer'

const running = useDemoServer({ withBrowser: true })

/**
 * What a reader's phone downloads for a page, compressed as sent: the page's HTML (which carries
 * React's page data inline) and its scripts. Measured (docs/reader-site.md): the front page 6.0 KB
 * of HTML and 140.4 KB of script, a text-only article 9.3 KB and 141.4 KB, gzip. Nearly all the
 * script is the App Router's runtime (React DOM and Next.js's router, ≈132 KB), which every page
 * loads; the budgets sit ≈7% above it, so a client component or library added to the reader tree
 * fails here. HTML grows with the demo's content, so its budget is looser.
 */
const BUDGET = {
  front: { html: 15_000, scripts: 150_000 },
  article: { html: 15_000, scripts: 150_000 },
}

type Weight = { html: number; scripts: number; scriptFiles: number; encoding: string }

/** The bytes of a response as they cross the network, asked for as Chromium asks (the fetch API would decompress them). */
function bytesOnTheWire(url: string): Promise<{ bytes: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } }, (response) => {
        let bytes = 0
        response.on('data', (chunk: Buffer) => (bytes += chunk.length))
        response.on('end', () => resolve({ bytes, encoding: String(response.headers['content-encoding'] ?? 'identity') }))
      })
      .on('error', reject)
  })
}

/** Loads the page as a reader's browser does, then weighs the document and every script it ran. */
async function weigh(page: Page, url: string): Promise<Weight> {
  const scripts = new Set<string>()
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.add(response.url())
  })
  await page.goto(url, { waitUntil: 'load' })
  // Next.js prefetches linked pages once idle; scripts it loads then count too.
  await page.waitForLoadState('networkidle')
  const html = await bytesOnTheWire(url)
  const weight: Weight = { html: html.bytes, scripts: 0, scriptFiles: scripts.size, encoding: html.encoding }
  for (const script of scripts) weight.scripts += (await bytesOnTheWire(script)).bytes
  return weight
}

/** A published article with no photo of its own anywhere: what most wire copy and briefs are. */
async function textOnlyArticle(): Promise<string> {
  const { docs } = await (await fetch(`${running.server.baseUrl}/api/articles?where[_status][equals]=published&depth=0&limit=50`)).json()
  const textOnly = (docs as { slug: string; leadPhoto: unknown; photos?: unknown[]; body: unknown }[]).find(
    (article) => !article.leadPhoto && (article.photos ?? []).length === 0 && !JSON.stringify(article.body).includes('"upload"'),
  )
  if (!textOnly) throw new Error('the demo data has no published text-only article')
  return `/articles/${textOnly.slug}`
}

describe('what a reader page weighs', () => {
  it('keeps the front page and a text-only article within their byte budgets', async () => {
    const pages = { front: '/', article: await textOnlyArticle() }
    const measured: Record<string, Weight> = {}
    for (const [name, pathname] of Object.entries(pages)) {
      // A fresh browser profile each time: nothing comes from the cache of an earlier page.
      const context = await running.browser.newContext({ viewport: { width: 390, height: 900 } })
      measured[name] = await weigh(await context.newPage(), `${running.server.baseUrl}${pathname}`)
      await context.close()
    }
    console.log(`reader page weight (compressed bytes): ${JSON.stringify(measured)}`)
    for (const name of ['front', 'article'] as const) {
      expect({ name, html: measured[name].html <= BUDGET[name].html }).toEqual({ name, html: true })
      expect({ name, scripts: measured[name].scripts <= BUDGET[name].scripts }).toEqual({ name, scripts: true })
    }
  }, 120_000)
})
