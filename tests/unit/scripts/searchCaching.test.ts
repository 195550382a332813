import http from 'node:http'
import net, { type AddressInfo } from 'node:net'

import { SEARCH_SHARED_CACHE_CONTROL, shareSearchResults } from '../../../scripts/searchCaching.mjs'

/**
 * A real HTTP server that answers as Next.js answers a page rendered per request (private,
 * no-store), with the production server's search policy in front of it.
 */
let server: http.Server
let base: string
beforeAll(async () => {
  server = http.createServer((request, response) => {
    shareSearchResults(request, response)
    response.setHeader('Cache-Control', 'private, no-cache, no-store, max-age=0, must-revalidate')
    response.statusCode = request.url?.includes('q=bad') ? 400 : 200
    response.end('<p>结果</p>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise((resolve) => server.close(resolve)))

const cacheControlOf = async (path: string, headers: Record<string, string> = {}) => (await fetch(`${base}${path}`, { headers })).headers.get('cache-control')
const PRIVATE = 'private, no-cache, no-store, max-age=0, must-revalidate'

describe('search results pages at the production server', () => {
  it('may be kept a minute by the cache tier when an anonymous reader searches', async () => {
    expect(await cacheControlOf(`/search?q=${encodeURIComponent('乡村振兴')}`)).toBe(SEARCH_SHARED_CACHE_CONTROL)
    expect(SEARCH_SHARED_CACHE_CONTROL).toMatch(/^public, max-age=0, s-maxage=60\b/)
  })

  it('stay private for a signed-in editor, a preview and a request with credentials', async () => {
    expect(await cacheControlOf('/search?q=x', { Cookie: 'theme=dark; payload-token=abc' })).toBe(PRIVATE)
    expect(await cacheControlOf('/search?q=x', { Cookie: '__prerender_bypass=1' })).toBe(PRIVATE)
    expect(await cacheControlOf('/search?q=x', { Authorization: 'JWT abc' })).toBe(PRIVATE)
  })

  it('stay private when the answer is not a results page, and other pages are left as they are', async () => {
    expect(await cacheControlOf('/search?q=bad')).toBe(PRIVATE)
    expect(await cacheControlOf('/searchable?q=x')).toBe(PRIVATE)
    expect(await cacheControlOf('/admin/search?q=x')).toBe(PRIVATE)
  })

  it('let a request whose target is no URL at all through to an answer, rather than failing on it', async () => {
    const { port } = server.address() as AddressInfo
    const statusLine = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'))
      let received = ''
      socket.on('data', (chunk) => (received += chunk))
      socket.on('end', () => resolve(received.split('\r\n')[0]))
      socket.on('error', reject)
    })
    expect(statusLine).toBe('HTTP/1.1 200 OK')
  })
})
