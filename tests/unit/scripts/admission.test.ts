import http from 'node:http'
import type { AddressInfo } from 'node:net'

import { createAdmission, isReaderRequest } from '../../../scripts/admission.mjs'

/**
 * A real HTTP server behind the admission queue, whose "renders" finish only when the test
 * says so: which requests were handed to the handler, and in what order, is what is checked.
 */
type Render = { path: string; finish: () => void }

async function serverBehind(options: Parameters<typeof createAdmission>[0]) {
  const renders: Render[] = []
  const admit = createAdmission(options)
  const server = http.createServer((request, response) =>
    admit(
      request,
      response,
      () =>
        new Promise<void>((resolve) => {
          renders.push({
            path: request.url ?? '',
            finish: () => {
              response.end(`rendered ${request.url}`)
              resolve()
            },
          })
        }),
    ),
  )
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const send = (path: string, init: RequestInit = {}) => void fetch(`${base}${path}`, init).catch(() => {})
  return {
    admit,
    renders,
    base,
    get: (path: string, init: RequestInit = {}) => fetch(`${base}${path}`, init),
    /** A request whose answer the test does not read: the connection is cut when the test ends. */
    send,
    /** Sends a reader's request and waits until it is being rendered. */
    rendering: async (path: string) => {
      const before = renders.length
      send(path)
      await until(() => renders.length > before)
    },
    /** Sends a reader's request and waits until it waits in the queue. */
    queued: async (path: string) => {
      const before = admit.figures().waiting
      send(path)
      await until(() => admit.figures().waiting > before)
    },
    close: () => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    },
  }
}

const until = async (condition: () => boolean) => {
  for (let tries = 0; !condition(); tries += 1) {
    if (tries > 200) throw new Error('condition never met')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

let server: Awaited<ReturnType<typeof serverBehind>>
afterEach(() => server.close())

describe('the production server’s admission queue', () => {
  it('renders at most `concurrency` reader pages at once and the waiting ones in arrival order', async () => {
    server = await serverBehind({ concurrency: 2, maxWaiting: 10, maxWaitMs: 10_000 })
    const answers = ['/a', '/b', '/c', '/d'].map((path) => server.get(path))
    await until(() => server.renders.length === 2)
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.renders.map((render) => render.path)).toEqual(['/a', '/b'])
    expect(server.admit.figures()).toMatchObject({ active: 2, waiting: 2 })
    server.renders[1].finish()
    await until(() => server.renders.length === 3)
    server.renders[0].finish()
    await until(() => server.renders.length === 4)
    expect(server.renders.map((render) => render.path)).toEqual(['/a', '/b', '/c', '/d'])
    server.renders.forEach((render) => render.finish())
    expect(await Promise.all(answers.map(async (answer) => (await answer).status))).toEqual([200, 200, 200, 200])
  })

  it('serves the newest waiting reader first once the queue is backed up, so most readers are not kept waiting', async () => {
    server = await serverBehind({ concurrency: 1, maxWaiting: 10, maxWaitMs: 2_000 })
    await server.rendering('/busy')
    await server.queued('/older')
    await server.queued('/newer')
    // Past a quarter of the limit the oldest has waited too long for arrival order to be kind.
    await new Promise((resolve) => setTimeout(resolve, 600))
    server.renders[0].finish()
    await until(() => server.renders.length === 2)
    expect(server.renders.map((render) => render.path)).toEqual(['/busy', '/newer'])
  })

  it('turns a reader away with 503 and Retry-After when the queue is full, without rendering', async () => {
    server = await serverBehind({ concurrency: 1, maxWaiting: 1, maxWaitMs: 10_000 })
    await server.rendering('/first')
    await server.queued('/waiting')
    const refused = await server.get('/one-too-many')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('5')
    expect(refused.headers.get('cache-control')).toBe('no-store')
    expect(await refused.text()).toContain('服务器正忙')
    expect(server.renders.map((render) => render.path)).toEqual(['/first'])
  })

  it('answers 503 to a reader who waited too long instead of rendering the page late', async () => {
    server = await serverBehind({ concurrency: 1, maxWaiting: 10, maxWaitMs: 200 })
    await server.rendering('/slow')
    const started = performance.now()
    const waited = await server.get('/late')
    expect(waited.status).toBe(503)
    // Answered by the queue's own timer, while the slot was still taken.
    expect(performance.now() - started).toBeLessThan(5_000)
    server.renders[0].finish()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.renders.map((render) => render.path)).toEqual(['/slow'])
  })

  it('drops a waiting request whose reader hung up, unrendered', async () => {
    server = await serverBehind({ concurrency: 1, maxWaiting: 10, maxWaitMs: 10_000 })
    await server.rendering('/busy')
    const gone = new AbortController()
    const abandoned = server.get('/abandoned', { signal: gone.signal }).catch((error: Error) => error.name)
    await until(() => server.admit.figures().waiting === 1)
    gone.abort()
    expect(await abandoned).toBe('AbortError')
    await new Promise((resolve) => setTimeout(resolve, 50))
    const kept = server.get('/kept')
    server.renders[0].finish()
    await until(() => server.renders.length === 2)
    expect(server.renders.map((render) => render.path)).toEqual(['/busy', '/kept'])
    server.renders[1].finish()
    expect((await kept).status).toBe(200)
    expect(server.admit.figures().abandoned).toBe(1)
  })

  it('gives up the slot of a render that never ends, naming it, so the queue keeps moving', async () => {
    const overdue: string[] = []
    server = await serverBehind({ concurrency: 1, maxWaiting: 10, maxWaitMs: 10_000, maxRenderMs: 300, onOverdue: (request) => overdue.push(request) })
    await server.rendering('/never-ends')
    const next = server.get('/next')
    await until(() => server.renders.length === 2)
    expect(overdue).toEqual(['GET /never-ends'])
    server.renders[1].finish()
    expect((await next).status).toBe(200)
  })

  it('frees the slot of a reader who hung up during the render', async () => {
    server = await serverBehind({ concurrency: 1, maxWaiting: 10, maxWaitMs: 10_000 })
    const gone = new AbortController()
    void fetch(`${server.base}/hung-up`, { signal: gone.signal }).catch(() => {})
    await until(() => server.renders.length === 1)
    gone.abort()
    const next = server.get('/next')
    await until(() => server.renders.length === 2)
    server.renders[1].finish()
    expect((await next).status).toBe(200)
  })

  it('never makes editors’ API and admin requests, or a reader’s POST, wait behind readers', async () => {
    server = await serverBehind({ concurrency: 1, maxWaiting: 1, maxWaitMs: 10_000 })
    await server.rendering('/articles/busy')
    await server.queued('/articles/waiting')
    server.send('/api/articles/1', { method: 'POST', body: '{}' })
    server.send('/admin/collections/articles')
    server.send('/_next/static/chunk.js')
    await until(() => server.renders.length === 4)
    expect(server.renders.map((render) => render.path).sort()).toEqual(['/_next/static/chunk.js', '/admin/collections/articles', '/api/articles/1', '/articles/busy'])
  })

  it('tells readers’ page requests from everything else', () => {
    expect(isReaderRequest({ method: 'GET', url: '/articles/x?y=1' })).toBe(true)
    expect(isReaderRequest({ method: 'HEAD', url: '/rss.xml' })).toBe(true)
    expect(isReaderRequest({ method: 'GET', url: '/api/articles' })).toBe(false)
    expect(isReaderRequest({ method: 'GET', url: '/admin' })).toBe(false)
    expect(isReaderRequest({ method: 'POST', url: '/search' })).toBe(false)
    expect(isReaderRequest({ method: 'GET', url: '/apis-of-the-world' })).toBe(true)
  })
})
