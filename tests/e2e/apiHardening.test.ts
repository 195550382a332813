import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import sharp from 'sharp'

import { freePort, sampleRss, startVarnish, treeRssMb } from '../../bench/site/processes'
import { LARGEST_BODY_LIMIT } from '@/security/bodyLimits'
import { RATE_LIMITS } from '@/security/rateLimits'
import { MAX_UPLOAD_BYTES } from '@/uploads/limits'
import { postOversizedBody } from '../helpers/bystander'
import { type DemoServer, startDemoServer } from '../helpers/demoServer'

const PASSWORD = 'newsroom-demo'
let server: DemoServer

beforeAll(async () => {
  server = await startDemoServer()
}, 15 * 60 * 1000)

afterAll(async () => {
  await server?.stop()
})

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${server.baseUrl}/api/users/login`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) })

describe('the production server’s API', () => {
  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const response = await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '192.0.2.10' })
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
  })

  it('ignores the session cookie on a request sent from another site (CSRF)', async () => {
    const signedIn = await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '192.0.2.11' })
    const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]
    const me = async (origin: string) => (await (await fetch(`${server.baseUrl}/api/users/me`, { headers: { Cookie: cookie, Origin: origin } })).json()).user
    expect(await me(server.baseUrl)).toMatchObject({ email: 'editor@newsroom.test' })
    expect(await me('https://evil.example')).toBeNull()
  })

  it('lets only the site’s own origin read API responses from a browser (CORS)', async () => {
    const foreign = await fetch(`${server.baseUrl}/api/articles?limit=1`, { headers: { Origin: 'https://evil.example' } })
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const own = await fetch(`${server.baseUrl}/api/articles?limit=1`, { headers: { Origin: server.baseUrl } })
    expect(own.headers.get('access-control-allow-origin')).toBe(server.baseUrl)
  })

  it(`refuses the ${RATE_LIMITS.login.points + 1}th login attempt in a minute from one address with 429, and not another address`, async () => {
    const statuses = []
    for (let attempt = 0; attempt <= RATE_LIMITS.login.points; attempt += 1) {
      statuses.push((await login(`nobody${attempt}@newsroom.test`, 'wrong-password-1', { 'X-Forwarded-For': '203.0.113.50' })).status)
    }
    expect(statuses.slice(0, -1).every((status) => status === 401)).toBe(true)
    const refused = await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '203.0.113.50' })
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await refused.json()).errors[0].message).toMatch(/请求过于频繁/)
    expect((await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '203.0.113.51' })).status).toBe(200)
  })

  it('locks an account after five wrong passwords, even from different addresses', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await login('journalist@newsroom.test', 'not-the-password', { 'X-Forwarded-For': `198.51.100.${attempt + 1}` })
    }
    const locked = await login('journalist@newsroom.test', PASSWORD, { 'X-Forwarded-For': '198.51.100.99' })
    expect(locked.status).toBe(401)
    expect(JSON.stringify(await locked.json())).toMatch(/锁定|locked/i)
  })

  it('answers malformed and ill-typed requests with 4xx and no stack trace', async () => {
    const requests: [string, RequestInit][] = [
      ['/api/articles?draft=true', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"title":' }],
      ['/api/articles?where[publishedAt][greater_than]=notadate', {}],
      ['/api/articles/abc', {}],
      ['/api/articles?limit=100000', {}],
      ['/api/articles?pagination=false', {}],
      ['/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"query": "{ Articles(limit: 100000) { docs { id } } }"}' }],
    ]
    for (const [path, init] of requests) {
      const response = await fetch(`${server.baseUrl}${path}`, { ...init, headers: { 'X-Forwarded-For': '192.0.2.99', ...(init.headers as Record<string, string>) } })
      const text = await response.text()
      const expected = path === '/api/graphql' ? [200, 400] : [400, 404]
      expect([path, expected.includes(response.status)]).toEqual([path, true])
      expect(text).not.toMatch(/\bat \/|node_modules|\.ts:\d+/)
      if (path === '/api/graphql') expect(JSON.parse(text).errors[0].message).toMatch(/limit/)
    }
  })

  it('refuses three parallel 200 MB anonymous posts with 413 before reading them, with memory flat and the API answering', async () => {
    const MB = 1024 * 1024
    const before = treeRssMb(server.pid)
    const sampling = sampleRss(server.pid, 100)
    const started = performance.now()
    const replies = await Promise.all(['/api/tags', '/api/graphql', '/api/users/login'].map((path) => postOversizedBody(server.baseUrl, path, 200 * MB)))
    const answeredMs = Math.round(performance.now() - started)
    const reader = await fetch(`${server.baseUrl}/api/articles?limit=1&depth=0`)
    const { peakMb } = sampling.stop()
    console.log(`3 × 200 MB anonymous posts: ${JSON.stringify(replies)}, answered in ${answeredMs} ms; server RSS ${before} MB before, peak ${peakMb} MB`)
    for (const reply of replies) expect(reply).toEqual({ status: 413, sentBytes: expect.any(Number) })
    expect(Math.max(...replies.map((reply) => reply.sentBytes))).toBeLessThan(50 * MB)
    expect(answeredMs).toBeLessThan(5_000)
    expect(reader.status).toBe(200)
    expect(peakMb - before).toBeLessThan(64)
  })

  it('still takes a photo just under the upload limit', async () => {
    const token = (await (await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '192.0.2.30' })).json()).token as string
    const side = Math.floor(Math.sqrt((MAX_UPLOAD_BYTES - 512 * 1024) / 3))
    // Random pixels, stored uncompressed: a PNG as large as its pixels.
    const png = await sharp(randomBytes(side * side * 3), { raw: { width: side, height: side, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer()
    expect(png.length).toBeGreaterThan(19 * 1024 * 1024)
    expect(png.length).toBeLessThan(MAX_UPLOAD_BYTES)
    const form = new FormData()
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), '大图.png')
    form.append('_payload', JSON.stringify({ alt: '接近上限的大图' }))
    const response = await fetch(`${server.baseUrl}/api/photos`, { method: 'POST', headers: { Authorization: `JWT ${token}` }, body: form })
    expect(response.status).toBe(201)
  })

  it('counts 30 aliased, JSON-escaped GraphQL logins as 30 login attempts', async () => {
    const attempts = Array.from({ length: 30 }, (_, n) => `l${n}: loginUser(email: "nobody@newsroom.test", password: "wrong-${n}") { token }`).join(' ')
    const response = await fetch(`${server.baseUrl}/api/graphql`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '203.0.113.77' }, body: JSON.stringify({ query: `mutation { ${attempts} }` }).replaceAll('loginUser', '\\u006coginUser') })
    expect(response.status).toBe(429)
    expect((await response.json()).errors[0].message).toMatch(/请求过于频繁/)
  })

  it('answers malformed transport (bodies, multipart, file names, routes) with a Chinese 4xx', async () => {
    const editor = `JWT ${(await (await login('editor@newsroom.test', PASSWORD, { 'X-Forwarded-For': '192.0.2.31' })).json()).token}`
    const graphql = (body: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.32' }, body })
    const upload = (contentType: string, body: string) => ({ method: 'POST', headers: { 'Content-Type': contentType, Authorization: editor }, body })
    const shapes: [string, RequestInit, number][] = [
      ['/api/graphql', graphql('{"query": "{ Articles { docs { id } }'), 400],
      ['/api/graphql', graphql(JSON.stringify({ query: '{ Articles { docs { ...A } } } fragment A on Article { ...B } fragment B on Article { ...A }' })), 400],
      ['/api/photos', upload('multipart/form-data', 'x'), 400],
      ['/api/photos', upload('multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\n\xff\xd8'), 400],
      ['/api/photos/file/%00', { headers: { Authorization: editor } }, 404],
      [`/api/photos/file/${'a'.repeat(5000)}.jpg`, { headers: { Authorization: editor } }, 404],
      ['/api/photos/file/no-such-photo.jpg', { headers: { Authorization: editor } }, 404],
      ['/api/no-such-route', {}, 404],
      ['/api/no-such-route', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }, 404],
    ]
    for (const [target, init, status] of shapes) {
      const response = await fetch(`${server.baseUrl}${target}`, init)
      const text = await response.text()
      expect({ target: target.slice(0, 60), status: response.status, chinese: /[\u4e00-\u9fff]/.test(text) }).toEqual({ target: target.slice(0, 60), status, chinese: true })
    }
  })

  it('has Varnish refuse a body over the largest route limit from its Content-Length, in Chinese', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-varnish-limit-'))
    fs.chmodSync(dir, 0o755)
    const varnish = await startVarnish(dir, Number(new URL(server.baseUrl).port), await freePort())
    try {
      const { port } = new URL(varnish.url)
      const head = `POST /api/tags HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${LARGEST_BODY_LIMIT + 1}\r\n\r\n`
      const answer = await new Promise<string>((resolve, reject) => {
        const received: Buffer[] = []
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(head))
        socket.on('data', (chunk) => received.push(chunk))
        socket.on('close', () => resolve(Buffer.concat(received).toString('utf8')))
        socket.on('error', reject)
        socket.setTimeout(5_000, () => socket.destroy())
      })
      expect(answer).toMatch(/^HTTP\/1\.1 413 /)
      expect(answer).toContain('请求体过大')
    } finally {
      await varnish.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
