import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'

import { cachedPageTags, registerOriginResponseCache } from '@/publishing/originResponses.mjs'
import ReaderPageCacheHandler from '@/security/readerPageCacheHandler.mjs'

// Next.js's own cache, on a throwaway server directory: what `next start` runs, minus the server.
const { nodeFs } = createRequire(import.meta.url)('next/dist/server/lib/node-fs-methods.js')
// Next.js keeps cached reads beside the server directory (`<serverDistDir>/../cache`): both in the throwaway one.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-cache-handler-'))
const serverDistDir = path.join(scratch, 'server')
fs.mkdirSync(serverDistDir)
const cache = new ReaderPageCacheHandler({ fs: nodeFs, serverDistDir, flushToDisk: true, maxMemoryCacheSize: 1024 * 1024, revalidatedTags: [], _requestHeaders: {} })
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }))

const PAGE_CONTEXT = { kind: 'APP_PAGE', isFallback: false, isRoutePPREnabled: false } as const
const html = (script: string) => `<!DOCTYPE html><html><body><h1>头条</h1><script>${script}</script></body></html>`
const appPage = (script: string) => ({ kind: 'APP_PAGE', html: html(script), rscData: Buffer.from('0:{}'), headers: { 'x-next-cache-tags': 'home' }, status: 200, postponed: undefined, segmentData: undefined })
const policyOf = (entry: any): string | undefined => entry?.value?.headers?.['content-security-policy']

describe('the reader page cache handler', () => {
  it('gives a freshly rendered page its policy before the response cache answers with it (a cache miss)', async () => {
    const rendered = appPage('window.readerOwn()')
    await cache.set('/articles/fresh', rendered as any, { ...PAGE_CONTEXT, cacheControl: { revalidate: 300, expire: 86_400 } } as any)
    expect((rendered.headers as Record<string, string>)['content-security-policy']).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'; /)
    expect(rendered.headers['x-next-cache-tags']).toBe('home')
  })

  it('takes Next.js’s client runtime out of a reader page as it enters the cache, so even its first reader gets none', async () => {
    const rendered = { ...appPage('self.__next_f.push([1,"新稿"])'), html: html('self.__next_f.push([1,"新稿"])').replace('<body>', '<head><script src="/_next/static/chunks/main.js" async=""></script><link rel="preload" as="script" href="/_next/static/chunks/a.js"/></head><body>') }
    await cache.set('/articles/no-runtime', rendered as any, { ...PAGE_CONTEXT, cacheControl: { revalidate: 300, expire: 86_400 } } as any)
    // The response cache answers the miss with this very object.
    expect(rendered.html).toBe('<!DOCTYPE html><html><head></head><body><h1>头条</h1></body></html>')
    // Nothing inline is left to allow: the policy allows the site's own files only.
    expect((rendered.headers as Record<string, string>)['content-security-policy']).toMatch(/script-src 'self'; /)
    expect(fs.readFileSync(path.join(serverDistDir, 'app/articles/no-runtime.html'), 'utf8')).toBe(rendered.html)
    expect((await cache.get('/articles/no-runtime', PAGE_CONTEXT as any))?.value).toMatchObject({ html: rendered.html })
  })

  it('strips a page `next build` prerendered when first read, and leaves previews’ pages whole', async () => {
    const dir = path.join(serverDistDir, 'app')
    fs.mkdirSync(path.join(dir, 'channels'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'channels/jingji.html'), html('self.__next_f.push([0])'))
    fs.writeFileSync(path.join(dir, 'channels/jingji.rsc'), '0:{}')
    fs.writeFileSync(path.join(dir, 'channels/jingji.meta'), JSON.stringify({ status: 200, headers: { 'x-next-cache-tags': 'channel:jingji' } }))
    expect((await cache.get('/channels/jingji', PAGE_CONTEXT as any))?.value).toMatchObject({ html: '<!DOCTYPE html><html><body><h1>头条</h1></body></html>' })
    const preview = appPage('self.__next_f.push([0])')
    await cache.set('/preview/front-page', preview as any, { ...PAGE_CONTEXT, cacheControl: { revalidate: 300, expire: 86_400 } } as any)
    expect(preview.html).toContain('self.__next_f.push([0])')
  })

  it('stores the policy with the page, so a page read back from disk has it too', async () => {
    await cache.set('/articles/stored', appPage('stored()') as any, { ...PAGE_CONTEXT, cacheControl: { revalidate: 300, expire: 86_400 } } as any)
    const meta = JSON.parse(fs.readFileSync(path.join(serverDistDir, 'app/articles/stored.meta'), 'utf8'))
    expect(meta.headers['content-security-policy']).toContain("'sha256-")
    expect(policyOf(await cache.get('/articles/stored', PAGE_CONTEXT as any))).toBe(meta.headers['content-security-policy'])
  })

  it('adds the policy to a page `next build` prerendered, once, keeping it on the entry in memory', async () => {
    const dir = path.join(serverDistDir, 'app')
    fs.mkdirSync(dir, { recursive: true })
    fs.writeFileSync(path.join(dir, '_not-found.html'), html('prerendered()'))
    fs.writeFileSync(path.join(dir, '_not-found.rsc'), '0:{}')
    fs.writeFileSync(path.join(dir, '_not-found.meta'), JSON.stringify({ status: 404, headers: { 'x-next-cache-tags': '_N_T_/_not-found' } }))
    const first = await cache.get('/_not-found', PAGE_CONTEXT as any)
    expect(policyOf(first)).toContain("'sha256-")
    const second = await cache.get('/_not-found', PAGE_CONTEXT as any)
    expect(second?.value).toBe(first?.value)
    expect((second?.value as any).headers).toBe((first?.value as any).headers)
  })

  it('keeps its pages and cached reads in NEWSROOM_PAGE_CACHE_DIR when set, not beside the build', async () => {
    const own = path.join(scratch, 'own-page-cache')
    process.env.NEWSROOM_PAGE_CACHE_DIR = own
    try {
      const separate = new ReaderPageCacheHandler({ fs: nodeFs, serverDistDir, flushToDisk: true, maxMemoryCacheSize: 1024 * 1024, revalidatedTags: [], _requestHeaders: {} })
      await separate.set('/articles/elsewhere', appPage('elsewhere()') as any, { ...PAGE_CONTEXT, cacheControl: { revalidate: 300, expire: 86_400 } } as any)
      expect(fs.existsSync(path.join(own, 'server/app/articles/elsewhere.meta'))).toBe(true)
      expect(fs.existsSync(path.join(serverDistDir, 'app/articles/elsewhere.meta'))).toBe(false)
    } finally {
      delete process.env.NEWSROOM_PAGE_CACHE_DIR
    }
  })

  it('leaves route handlers’ responses (feeds, sitemaps) alone: they get their policy from the header rules', async () => {
    const feed = { kind: 'APP_ROUTE', body: Buffer.from('<rss/>'), headers: { 'content-type': 'application/rss+xml' }, status: 200 }
    await cache.set('/rss.xml', feed as any, { kind: 'APP_ROUTE', isFallback: false, cacheControl: { revalidate: 300, expire: 86_400 } } as any)
    expect(feed.headers).toEqual({ 'content-type': 'application/rss+xml' })
  })

  it('passes the tags it expires on to the production server’s kept responses, once they are expired', async () => {
    const purged: string[][] = []
    registerOriginResponseCache({ purge: (keys) => purged.push([...keys]) })
    await cache.revalidateTag(['search', 'columns'], { expire: 0 })
    await cache.revalidateTag('home', { expire: 0 })
    expect(purged).toEqual([['search', 'columns'], ['home']])
  })

  it('tells the production server which tags each page it writes or reads carries', async () => {
    const page = { ...appPage('t()'), headers: { 'x-next-cache-tags': 'article:tagged,columns,tag:shan' } }
    await cache.set('/route-cache/APP_PAGE/2eb96618/$/articles/tagged', page as any, { ...PAGE_CONTEXT, cacheControl: { revalidate: 300, expire: 86_400 } } as any)
    expect(cachedPageTags('/articles/tagged')).toEqual(['article:tagged', 'columns', 'tag:shan'])
    const dir = path.join(serverDistDir, 'app')
    fs.writeFileSync(path.join(dir, 'index.html'), html('front()'))
    fs.writeFileSync(path.join(dir, 'index.rsc'), '0:{}')
    // Tags no earlier case expired: a page file written within a clock tick of its tag's expiry
    // has an older modification time (the kernel stamps files with a coarse clock) and reads as stale.
    fs.writeFileSync(path.join(dir, 'index.meta'), JSON.stringify({ status: 200, headers: { 'x-next-cache-tags': 'front,regions' } }))
    await cache.get('/index', PAGE_CONTEXT as any)
    expect(cachedPageTags('/')).toEqual(['front', 'regions'])
  })

  it('does not keep a page whose render began before one of its tags expired, and keeps the next render', async () => {
    const key = '/route-cache/APP_PAGE/race/$/index'
    const frontPage = (headline: string) => ({ ...appPage(`render(${JSON.stringify(headline)})`), headers: { 'x-next-cache-tags': 'home,columns' } })
    const stored = { ...PAGE_CONTEXT, cacheControl: { revalidate: 300, expire: 86_400 } } as any
    expect(await cache.get(key, PAGE_CONTEXT as any)).toBeNull()
    await cache.revalidateTag('home', { expire: 0 })
    await cache.set(key, frontPage('旧头条') as any, stored)
    // Expiry is kept to the millisecond: the next render begins after it.
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await cache.get(key, PAGE_CONTEXT as any)).toBeNull()
    await cache.set(key, frontPage('新头条') as any, stored)
    expect((await cache.get(key, PAGE_CONTEXT as any))?.value).toMatchObject({ html: expect.stringContaining('新头条') })
  })

  it('does not keep a cached read whose lookup came before one of its tags expired', async () => {
    const key = 'race-read'
    const lookup = { kind: 'FETCH', tags: ['column:race'], softTags: [], fetchIdx: 0, fetchUrl: 'unstable_cache' } as any
    const read = (value: string) => ({ kind: 'FETCH', data: { headers: {}, body: Buffer.from(JSON.stringify(value)).toString('base64'), status: 200, url: '' }, revalidate: 300, tags: ['column:race'] })
    expect(await cache.get(key, lookup)).toBeNull()
    await cache.revalidateTag('column:race', { expire: 0 })
    await cache.set(key, read('旧') as any, { fetchCache: true, tags: ['column:race'], fetchIdx: 0, fetchUrl: 'unstable_cache' } as any)
    expect(await cache.get(key, lookup)).toBeNull()
  })
})
