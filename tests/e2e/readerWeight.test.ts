import http from 'node:http'

import type { Page } from 'playwright-core'

import { useDemoServer } from '../helpers/demoServer'

const running = useDemoServer({ withBrowser: true })

/**
 * What a reader's phone downloads for a page, compressed as sent: the page's HTML and its
 * scripts. Reader pages go out without Next.js's client runtime (src/publishing/hydrationScripts.mjs),
 * so what runs is the site's own static scripts: none on the front page, public/font-size.js
 * (≈1.1 KB) on an article. Measured (docs/reader-site.md), gzip: the front page 2.9 KB of HTML and
 * no script, a text-only article 5.5 KB and 1.1 KB. Before, they loaded ≈141 KB of script in 8 or 9
 * files (React DOM, Next.js's router) and the HTML carried the page's data a second time for React.
 * The script budget leaves room for a small static script or two (the view counter); a client
 * component or a `/_next/` file on a reader page fails here. HTML grows with the demo's content,
 * so its budget is looser.
 */
const BUDGET = {
  front: { html: 10_000, scripts: 5_000 },
  article: { html: 10_000, scripts: 5_000 },
}

type Weight = { html: number; scripts: number; scriptFiles: number; encoding: string; nextScripts: string[] }

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
  // Were Next.js's router there, it would prefetch linked pages once idle: scripts it loaded then would count too.
  await page.waitForLoadState('networkidle')
  const html = await bytesOnTheWire(url)
  const weight: Weight = { html: html.bytes, scripts: 0, scriptFiles: scripts.size, encoding: html.encoding, nextScripts: [...scripts].filter((script) => new URL(script).pathname.startsWith('/_next/')) }
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
      expect({ name, nextScripts: measured[name].nextScripts }).toEqual({ name, nextScripts: [] })
    }
  }, 120_000)
})
