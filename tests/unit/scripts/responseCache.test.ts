import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { cachedPageTags, noteCachedPageTags, purgeOriginResponses, registerOriginResponseCache } from '@/publishing/originResponses.mjs'
import { createResponseCache, RESPONSE_CACHE_HEADER } from '../../../scripts/responseCache.mjs'

const SHARED = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60'

const PAGE = 's-maxage=3600, stale-while-revalidate=82800'

/**
 * A real HTTP server answering as Next.js answers a search or a page of its cache: the body
 * written in chunks, gzipped for readers who accept it, the surrogate keys in a header, and for
 * a cached page `x-nextjs-cache` and `Vary`. What it answers is decided per test; `renders`
 * counts the requests that reached it.
 */
let answer: { status: number; cacheControl: string; keys: string; body: string; cookie?: string; holdMs?: number; nextCache?: 'HIT' | 'MISS' | 'STALE' }
let renders = 0
let clock = 0
let server: http.Server
let base: string
const cache = createResponseCache({ admits: (request) => !(request.url ?? '').startsWith('/private'), pageTags: cachedPageTags, maxBytes: 64 * 1024, now: () => clock })

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (cache.serve(request, response)) return
    renders += 1
    const { status, cacheControl, keys, body, cookie, holdMs, nextCache } = answer
    response.statusCode = status
    if (nextCache) {
      response.setHeader('ETag', '"yuelu-1"')
      response.setHeader('x-nextjs-cache', nextCache)
      response.setHeader('Vary', 'rsc, next-router-state-tree, next-router-prefetch, Accept-Encoding')
    }
    response.setHeader('Cache-Control', cacheControl)
    response.setHeader('Surrogate-Key', keys)
    response.setHeader('Content-Type', 'text/html; charset=utf-8')
    if (cookie) response.setHeader('Set-Cookie', cookie)
    const gzip = /gzip/.test(String(request.headers['accept-encoding']))
    const bytes = gzip ? zlib.gzipSync(body) : Buffer.from(body)
    if (gzip) response.setHeader('Content-Encoding', 'gzip')
    setTimeout(() => {
      response.write(bytes.subarray(0, 10))
      response.end(bytes.subarray(10))
    }, holdMs ?? 0)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

beforeEach(() => {
  answer = { status: 200, cacheControl: SHARED, keys: 'search columns', body: '<p>结果：乡村振兴</p>' }
  clock += 3_600_000
})

/** Over a fresh connection each time, as separate readers ask. */
function get(path: string, acceptEncoding = 'identity', headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { agent: false, headers: { 'Accept-Encoding': acceptEncoding, ...headers } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const raw = Buffer.concat(chunks)
          const text = (response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8')
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text })
        })
      })
      .on('error', reject)
  })
}

/** Kept `seconds` from when it is stored: asked again a second before, it is a hit; a second after, a miss. */
async function expectKeptFor(path: string, seconds: number) {
  await get(path)
  clock += (seconds - 1) * 1000
  expect((await get(path)).headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
  clock += 2_000
  expect((await get(path)).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
}

describe('the production server’s kept responses', () => {
  it('answers the second reader of a search from memory, byte for byte, compressed or not', async () => {
    const before = renders
    const first = await get('/search?q=a', 'gzip')
    const second = await get('/search?q=a', 'gzip')
    expect(first.headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
    expect(second.headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
    expect(second.text).toBe('<p>结果：乡村振兴</p>')
    expect(second.headers['content-encoding']).toBe('gzip')
    expect(second.headers['cache-control']).toBe(SHARED)
    const plain = await get('/search?q=a')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.text).toBe('<p>结果：乡村振兴</p>')
    expect(renders - before).toBe(2)
  })

  it('keeps each address apart, and what came over HTTPS apart from what did not', async () => {
    await get('/search?q=b')
    answer.body = '<p>另一个检索</p>'
    expect((await get('/search?q=c')).text).toBe('<p>另一个检索</p>')
    expect((await get('/search?q=b')).text).toBe('<p>结果：乡村振兴</p>')
    expect((await get('/search?q=b', 'identity', { 'X-Forwarded-Proto': 'https' })).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
  })

  it('forgets a response when its s-maxage is over or when one of its surrogate keys is purged', async () => {
    answer.cacheControl = 'public, max-age=0, s-maxage=30'
    await expectKeptFor('/search?q=d', 30)
    cache.purge(['tags', 'bylines'])
    expect((await get('/search?q=d')).headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
    cache.purge(['search'])
    answer.body = '<p>更正后的结果</p>'
    expect((await get('/search?q=d')).text).toBe('<p>更正后的结果</p>')
  })

  it('does not keep a response rendered while a purge happened, nor lets the cache tier keep it: it may show what was purged', async () => {
    answer.holdMs = 150
    const rendering = get('/search?q=e')
    await new Promise((resolve) => setTimeout(resolve, 50))
    cache.purge(['search'])
    const overlapped = await rendering
    expect(overlapped.text).toBe(answer.body)
    expect(overlapped.headers['cache-control']).toMatch(/\bno-store\b/)
    answer.holdMs = 0
    const after = await get('/search?q=e')
    expect(after.headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
    expect(after.headers['cache-control']).toBe(SHARED)
  })

  it('keeps nothing private, personal, failed, or outside what it admits', async () => {
    const before = renders
    answer.cacheControl = 'private, no-cache, no-store, max-age=0, must-revalidate'
    await get('/search?q=f')
    await get('/search?q=f')
    answer = { ...answer, cacheControl: SHARED, cookie: 'session=1' }
    await get('/search?q=g')
    await get('/search?q=g')
    answer = { ...answer, cookie: undefined, status: 400 }
    await get('/search?q=h')
    await get('/search?q=h')
    answer.status = 200
    await get('/private/x')
    expect((await get('/private/x')).headers[RESPONSE_CACHE_HEADER]).toBeUndefined()
    expect(renders - before).toBe(8)
  })

  it('stays within its size, dropping the least recently used first', async () => {
    answer.body = 'x'.repeat(20 * 1024)
    for (const q of ['i1', 'i2', 'i3']) await get(`/search?q=${q}`)
    expect((await get('/search?q=i1')).headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
    await get('/search?q=i4')
    expect(cache.figures().bytes).toBeLessThanOrEqual(64 * 1024)
    expect((await get('/search?q=i1')).headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
    expect((await get('/search?q=i2')).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
  })

  it('is purged by the app’s bundled code through the registry', async () => {
    registerOriginResponseCache(cache)
    await get('/search?q=j')
    expect((await get('/search?q=j')).headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
    purgeOriginResponses(['columns'])
    expect((await get('/search?q=j')).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
  })
})

describe('pages of Next.js’s cache, kept whole', () => {
  beforeEach(() => {
    answer = { status: 200, cacheControl: PAGE, keys: 'article:yuelu columns', body: '<h1>岳麓山</h1>', nextCache: 'MISS' }
    noteCachedPageTags('/articles/yuelu', 'article:yuelu,columns,tag:shan,_N_T_/articles/yuelu')
  })

  it('keeps a page under the tags Next.js keeps with it, and forgets it when one expires', async () => {
    await get('/articles/yuelu')
    const kept = await get('/articles/yuelu')
    expect([kept.headers[RESPONSE_CACHE_HEADER], kept.headers['x-nextjs-cache'], kept.text]).toEqual(['HIT', 'HIT', '<h1>岳麓山</h1>'])
    // A tag of its related reading, in no surrogate key: Next.js's own cache would render it anew.
    purgeOriginResponses(['tag:shan'])
    expect((await get('/articles/yuelu')).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
  })

  it('keeps no page whose tags Next.js has not shown, and none Next.js served stale', async () => {
    const before = renders
    await get('/articles/unnoted')
    await get('/articles/unnoted')
    answer.nextCache = 'STALE'
    await get('/articles/yuelu')
    await get('/articles/yuelu')
    expect(renders - before).toBe(4)
  })

  it('answers a browser revalidating the copy it has with 304 and no body', async () => {
    await get('/articles/yuelu')
    const revalidated = await get('/articles/yuelu', 'identity', { 'If-None-Match': '"yuelu-1"' })
    expect([revalidated.status, revalidated.text, revalidated.headers[RESPONSE_CACHE_HEADER]]).toEqual([304, '', 'HIT'])
    const older = await get('/articles/yuelu', 'identity', { 'If-None-Match': '"yuelu-0"' })
    expect([older.status, older.text]).toEqual([200, '<h1>岳麓山</h1>'])
  })

  it('asks Next.js again after a minute, whatever the page’s s-maxage', async () => {
    await expectKeptFor('/articles/yuelu', 60)
  })

  it('answers the router’s payload request apart from the page, as the page’s Vary says', async () => {
    await get('/articles/yuelu')
    const before = renders
    expect((await get('/articles/yuelu', 'identity', { RSC: '1' })).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
    expect(renders - before).toBe(1)
  })

  it('finds a page’s tags under Next.js’s key for it, the front page’s and a path with Chinese in it', async () => {
    noteCachedPageTags('/route-cache/APP_PAGE/8acfb0c1/$/index', 'home,columns')
    noteCachedPageTags('/route-cache/APP_PAGE/2eb96618/$/tags/岳麓', 'tag:yuelu')
    expect(cachedPageTags('/')).toEqual(['home', 'columns'])
    expect(cachedPageTags(`/tags/${encodeURIComponent('岳麓')}`)).toEqual(['tag:yuelu'])
    expect(cachedPageTags('/tags/%E5%B2')).toBeNull()
  })
})
