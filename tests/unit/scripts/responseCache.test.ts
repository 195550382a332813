import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { purgeOriginResponses, registerOriginResponseCache } from '../../../src/reader/data/originResponses.mjs'
import { createResponseCache, RESPONSE_CACHE_HEADER } from '../../../scripts/responseCache.mjs'

const SHARED = 'public, max-age=0, s-maxage=60, stale-while-revalidate=60'

/**
 * A real HTTP server answering as Next.js answers a search: the body written in chunks,
 * gzipped for readers who accept it, the page's surrogate keys in a header. What it answers
 * is decided per test; `renders` counts the requests that reached it.
 */
let answer: { status: number; cacheControl: string; keys: string; body: string; cookie?: string; holdMs?: number }
let renders = 0
let clock = 0
let server: http.Server
let base: string
const cache = createResponseCache({ admits: (request) => (request.url ?? '').startsWith('/search'), maxBytes: 64 * 1024, now: () => clock })

beforeAll(async () => {
  server = http.createServer((request, response) => {
    if (cache.serve(request, response)) return
    renders += 1
    const { status, cacheControl, keys, body, cookie, holdMs } = answer
    response.statusCode = status
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

  it('forgets a response when it expires or when one of its surrogate keys is purged', async () => {
    await get('/search?q=d')
    clock += 59_000
    expect((await get('/search?q=d')).headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
    clock += 2_000
    expect((await get('/search?q=d')).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
    cache.purge(['tags', 'bylines'])
    expect((await get('/search?q=d')).headers[RESPONSE_CACHE_HEADER]).toBe('HIT')
    cache.purge(['search'])
    answer.body = '<p>更正后的结果</p>'
    expect((await get('/search?q=d')).text).toBe('<p>更正后的结果</p>')
  })

  it('does not keep a response rendered while a purge happened: it may show what was purged', async () => {
    answer.holdMs = 150
    const rendering = get('/search?q=e')
    await new Promise((resolve) => setTimeout(resolve, 50))
    cache.purge(['search'])
    await rendering
    answer.holdMs = 0
    expect((await get('/search?q=e')).headers[RESPONSE_CACHE_HEADER]).toBe('MISS')
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
    await get('/articles/x')
    expect((await get('/articles/x')).headers[RESPONSE_CACHE_HEADER]).toBeUndefined()
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
