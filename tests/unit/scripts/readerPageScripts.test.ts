import http from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import { isStrippableReaderPage, stripReaderPageScripts } from '../../../scripts/readerPageScripts.mjs'
import { createResponseCache } from '../../../scripts/responseCache.mjs'

// Next.js's own compression middleware, as `next start` puts it on every response: installed
// after the server's wrappers, it writes gzip through them.
const compression = createRequire(import.meta.url)('next/dist/compiled/compression') as () => (req: unknown, res: unknown, next: () => void) => void

const PAGE = '<!DOCTYPE html><html><head><script src="/_next/static/chunks/main.js" async=""></script></head><body><h1>搜索“长沙”</h1>' + '<p>结果</p>'.repeat(400) + '<script src="/font-size.js"></script><script>self.__next_f.push([1,"数据"])</script></body></html>'
const STRIPPED = PAGE.replace('<script src="/_next/static/chunks/main.js" async=""></script>', '').replace('<script>self.__next_f.push([1,"数据"])</script>', '')

let answer: { status: number; type: string; nextCache?: string; cacheControl?: string }
let server: http.Server
let base: string
const kept = createResponseCache({ admits: () => true, pageTags: () => ['search'] })

beforeAll(async () => {
  const compress = compression()
  server = http.createServer((request, response) => {
    if (kept.serve(request, response)) return
    stripReaderPageScripts(request, response)
    compress(request, response, () => {})
    response.statusCode = answer.status
    response.setHeader('content-type', answer.type)
    response.setHeader('cache-control', answer.cacheControl ?? 'private, no-store')
    response.setHeader('surrogate-key', 'search')
    if (answer.nextCache) response.setHeader('x-nextjs-cache', answer.nextCache)
    // Streamed in pieces, as React renders, with the headers flushed first.
    response.flushHeaders()
    const half = PAGE.length / 2
    response.write(PAGE.slice(0, half))
    setTimeout(() => response.end(PAGE.slice(half)), 5)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

function get(path: string, encoding = 'gzip'): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, { headers: { 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const raw = Buffer.concat(chunks)
          const body = response.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(raw) : response.headers['content-encoding'] === 'deflate' ? zlib.inflateSync(raw) : raw
          expect(Number(response.headers['content-length'] ?? raw.length)).toBe(raw.length)
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: body.toString('utf8') })
        })
      })
      .on('error', reject)
  })
}

describe('reader pages rendered per request, stripped in the production server', () => {
  it('strips a search page compressed by Next.js, gzip, deflate or none', async () => {
    answer = { status: 200, type: 'text/html; charset=utf-8' }
    for (const encoding of ['gzip', 'deflate', 'identity']) {
      const { status, headers, body } = await get(`/search?q=${encoding}`, encoding)
      expect({ status, encoding: headers['content-encoding'] ?? 'identity', body }).toEqual({ status: 200, encoding, body: STRIPPED })
    }
  })

  it('strips a 404 too, and the response cache keeps the stripped page', async () => {
    answer = { status: 404, type: 'text/html; charset=utf-8' }
    expect((await get('/no-such-page')).body).toBe(STRIPPED)
    answer = { status: 200, type: 'text/html; charset=utf-8', cacheControl: 'public, s-maxage=60' }
    expect((await get('/search?q=kept')).body).toBe(STRIPPED)
    const again = await get('/search?q=kept')
    expect({ cache: again.headers['x-origin-cache'], body: again.body }).toEqual({ cache: 'HIT', body: STRIPPED })
  })

  it('leaves alone previews, the admin, pages of Next.js\'s cache (stripped already), failed renders and anything but HTML', async () => {
    const cases: [string, typeof answer][] = [
      ['/preview/articles/1', { status: 200, type: 'text/html' }],
      ['/admin/collections/articles', { status: 200, type: 'text/html' }],
      ['/articles/x', { status: 200, type: 'text/html', nextCache: 'HIT' }],
      ['/search?q=failed', { status: 500, type: 'text/html' }],
      ['/search?q=rsc', { status: 200, type: 'text/x-component' }],
    ]
    for (const [path, given] of cases) {
      answer = given
      expect({ path, body: (await get(path)).body }).toEqual({ path, body: PAGE })
    }
  })

  it('decides from the method, path, status, type and encoding', () => {
    const page = { method: 'GET', pathname: '/search', statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' } }
    expect(isStrippableReaderPage(page)).toBe(true)
    expect(isStrippableReaderPage({ ...page, method: 'HEAD' })).toBe(false)
    expect(isStrippableReaderPage({ ...page, pathname: '/api/articles' })).toBe(false)
    expect(isStrippableReaderPage({ ...page, headers: { ...page.headers, 'content-encoding': 'br' } })).toBe(false)
  })
})
