import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { freePort, type Server, startVarnish } from '../../bench/site/processes'
import { signFinalOverApi } from '../helpers/demoChain'
import { type DemoServer, startDemoServer } from '../helpers/demoServer'
import { saveArticle, type Session, signInSession } from '../helpers/restClient'

// The production build behind Varnish running the repository's VCL, purged by the app.
let app: DemoServer
let varnish: Server
let editor: Session
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-varnish-'))

beforeAll(async () => {
  fs.chmodSync(dir, 0o755)
  const cachePort = await freePort()
  app = await startDemoServer({ env: { CACHE_PURGE_URL: `http://127.0.0.1:${cachePort}/` } })
  varnish = await startVarnish(dir, Number(new URL(app.baseUrl).port), cachePort)
  editor = await signInSession(app.baseUrl, 'editor@newsroom.test', 'newsroom-demo')
}, 15 * 60 * 1000)
afterAll(async () => {
  await varnish?.stop()
  await app?.stop()
  fs.rmSync(dir, { recursive: true, force: true })
})

const viaCache = (pathname: string, headers: Record<string, string> = {}) => fetch(`${varnish.url}${pathname}`, { headers }).then(async (response) => ({ status: response.status, cache: response.headers.get('x-cache'), keys: response.headers.get('surrogate-key'), text: await response.text() }))

async function publishedArticle(): Promise<{ id: number; slug: string; title: string }> {
  const { json } = await editor.rest('/api/articles?where[_status][equals]=published&limit=1&sort=-publishedAt&depth=0')
  return json.docs[0]
}

/** A change to a published article as the desk publishes it: saved as a draft, signed again at 终审, then published. */
async function publishChange(id: number, data: Record<string, unknown>) {
  expect((await saveArticle(editor, id, data, { draft: true })).status).toBe(200)
  await signFinalOverApi(app.baseUrl, id)
  return saveArticle(editor, id, { _status: 'published' }, { draft: false })
}

async function eventually(check: () => Promise<boolean>, limitMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + limitMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

describe('the Varnish cache tier', () => {
  it('serves a reader page from the cache on the second request, without showing readers its surrogate keys', async () => {
    const { slug } = await publishedArticle()
    const origin = await fetch(`${app.baseUrl}/articles/${slug}`)
    expect(origin.headers.get('surrogate-key')?.split(' ')).toEqual(expect.arrayContaining([`article:${slug}`, 'columns', 'bylines']))
    expect(origin.headers.get('cache-control')).toMatch(/s-maxage=\d+/)
    await viaCache(`/articles/${slug}`)
    const second = await viaCache(`/articles/${slug}`)
    expect(second).toMatchObject({ status: 200, cache: 'HIT', keys: null })
  })

  it('shows an edit to readers within seconds: the article page is fetched anew, the lists are answered from the cache while they are refreshed', async () => {
    const article = await publishedArticle()
    for (const pathname of [`/articles/${article.slug}`, '/']) {
      await viaCache(pathname)
      expect((await viaCache(pathname)).cache).toBe('HIT')
    }
    const title = `${article.title}（更正）`
    const saved = await publishChange(article.id, { title })
    expect(saved.status).toBe(200)
    expect(await eventually(async () => (await viaCache(`/articles/${article.slug}`)).text.includes(title))).toBe(true)
    // Soft-purged with the article's page: no reader of the front page waits for the origin.
    expect((await viaCache('/')).cache).toBe('HIT')
    expect(await eventually(async () => (await viaCache('/')).text.includes(title))).toBe(true)
  })

  it('keeps a search results page for readers, one copy per query, and refreshes it when a change is published', async () => {
    const searchFor = (words: string) => viaCache(`/search?q=${encodeURIComponent(words)}`)
    await searchFor('湖南')
    expect((await searchFor('湖南')).cache).toBe('HIT')
    expect((await searchFor('长沙')).cache).toBe('MISS')
    const before = await searchFor('缓存检索刷新')
    expect(before.status).toBe(200)
    const article = await publishedArticle()
    const title = `${article.title}（缓存检索刷新）`
    expect((await publishChange(article.id, { title })).status).toBe(200)
    expect(await eventually(async () => (await searchFor('缓存检索刷新')).text.includes(title))).toBe(true)
  })

  it('keeps HTTPS and plain-HTTP copies apart, so only readers over HTTPS get Strict-Transport-Security', async () => {
    const { slug } = await publishedArticle()
    const hsts = async (headers: Record<string, string>) => {
      const response = await fetch(`${varnish.url}/articles/${slug}`, { headers })
      return { cache: response.headers.get('x-cache'), hsts: response.headers.get('strict-transport-security') }
    }
    const overHttps = { 'X-Forwarded-Proto': 'https' }
    await hsts(overHttps)
    expect(await hsts(overHttps)).toEqual({ cache: 'HIT', hsts: 'max-age=31536000; includeSubDomains' })
    await hsts({})
    expect(await hsts({})).toEqual({ cache: 'HIT', hsts: null })
  })

  it('never caches the admin, the API, previews or a signed-in reader', async () => {
    for (const [pathname, headers] of [
      ['/api/articles?limit=1', {}],
      ['/admin/login', {}],
      ['/', { Cookie: 'payload-token=anything' }],
      ['/', { Authorization: 'JWT anything' }],
    ] as const) {
      await viaCache(pathname, headers)
      expect((await viaCache(pathname, headers)).cache).toBe('MISS')
    }
  })

  it('never lets a draft into the cache, and a draft save purges nothing', async () => {
    const draft = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '缓存层草稿' } })
    const slug = draft.json.doc.slug as string
    expect((await viaCache(`/articles/${slug}`)).status).toBe(404)
    const listed = await viaCache('/')
    await saveArticle(editor, draft.json.doc.id, { title: '缓存层草稿（改）' })
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const after = await viaCache('/')
    expect(after.cache).toBe('HIT')
    expect(after.text).not.toContain('缓存层草稿')
    expect(listed.text).not.toContain('缓存层草稿')
  })
})
