import { createPurger, purgeHeaders, type PurgeLogger, purgeConfigFromEnv } from '@/publishing/cachePurge'
import { type PurgeEndpoint, startPurgeEndpoint } from '../../helpers/purgeEndpoint'

let endpoint: PurgeEndpoint
beforeAll(async () => (endpoint = await startPurgeEndpoint()))
afterAll(() => endpoint.close())
beforeEach(() => (endpoint.requests.length = 0))

function recordingLogger() {
  const lines: { level: string; message: string }[] = []
  const logger: PurgeLogger = {
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  }
  return { logger, lines }
}

describe('purgeConfigFromEnv', () => {
  it('is off without CACHE_PURGE_URL', () => {
    expect(purgeConfigFromEnv({})).toBeNull()
    expect(purgeConfigFromEnv({ CACHE_PURGE_URL: ' ' })).toBeNull()
  })

  it('reads several endpoints, the method and an extra header', () => {
    expect(purgeConfigFromEnv({ CACHE_PURGE_URL: 'http://varnish-a/, http://varnish-b/', CACHE_PURGE_METHOD: 'post', CACHE_PURGE_HEADER: 'Fastly-Key: secret:1' })).toEqual({
      urls: ['http://varnish-a/', 'http://varnish-b/'],
      method: 'POST',
      headers: { 'Fastly-Key': 'secret:1' },
    })
  })

  it('refuses an address that is not http(s) and a header without a name', () => {
    expect(() => purgeConfigFromEnv({ CACHE_PURGE_URL: 'varnish:6081' })).toThrow('CACHE_PURGE_URL')
    expect(() => purgeConfigFromEnv({ CACHE_PURGE_URL: 'http://varnish/', CACHE_PURGE_HEADER: 'no colon' })).toThrow('CACHE_PURGE_HEADER')
  })
})

describe('purgeHeaders', () => {
  it("asks Varnish to drop articles' own pages and to mark the lists stale, and a CDN to purge every key", () => {
    expect(purgeHeaders(['home', 'article:a', 'column:b', 'article:c'])).toEqual({
      'xkey-purge': 'article:a article:c',
      'xkey-softpurge': 'home column:b',
      'Surrogate-Key': 'home article:a column:b article:c',
    })
    expect(purgeHeaders(['feeds'])).toEqual({ 'xkey-softpurge': 'feeds', 'Surrogate-Key': 'feeds' })
  })
})

describe('createPurger', () => {
  it('merges the keys of a burst of changes into one request per endpoint', async () => {
    const { logger } = recordingLogger()
    const purger = createPurger({ config: { urls: [endpoint.url, endpoint.url], method: 'PURGE', headers: { 'Fastly-Key': 'k' } }, logger, delayMs: 50 })
    purger.purge(['article-lists', 'article:a'])
    purger.purge(['article-lists', 'article:b'])
    await purger.settled()
    expect(endpoint.requests).toHaveLength(2)
    for (const request of endpoint.requests) {
      expect(request.keys.sort()).toEqual(['article-lists', 'article:a', 'article:b'])
      expect(request.headers['fastly-key']).toBe('k')
    }
  })

  it('retries with backoff and logs each failure until the purge gets through', async () => {
    const { logger, lines } = recordingLogger()
    const purger = createPurger({ config: { urls: [endpoint.url], method: 'PURGE', headers: {} }, logger, delayMs: 0, retryDelaysMs: [10, 10, 10] })
    endpoint.failNext(2)
    purger.purge(['columns'])
    await purger.settled()
    expect(endpoint.requests.map((request) => request.keys)).toEqual([['columns']])
    expect(lines.filter((line) => line.level === 'warn')).toHaveLength(2)
    expect(lines.some((line) => line.level === 'error')).toBe(false)
  })

  it('gives up after the last retry with an error naming the keys, and never throws', async () => {
    const { logger, lines } = recordingLogger()
    const purger = createPurger({ config: { urls: ['http://127.0.0.1:9/'], method: 'PURGE', headers: {} }, logger, delayMs: 0, retryDelaysMs: [5], timeoutMs: 500 })
    purger.purge(['tags'])
    await expect(purger.settled()).resolves.toBeUndefined()
    expect(lines.map((line) => line.level)).toEqual(['warn', 'error'])
    expect(lines[1].message).toContain('tags')
  })
})
