import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** `keys`: every key purged, outright (`xkey-purge`) or softly (`xkey-softpurge`). */
export type PurgeRequest = { method: string; keys: string[]; outright: string[]; headers: http.IncomingHttpHeaders }
export type PurgeEndpoint = { url: string; requests: PurgeRequest[]; failNext: (count: number) => void; close: () => Promise<void> }

/** A stand-in for Varnish's purge listener: records every purge, answers 503 when told to. */
export async function startPurgeEndpoint(): Promise<PurgeEndpoint> {
  const requests: PurgeRequest[] = []
  let failures = 0
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1
        res.writeHead(503).end()
        return
      }
      const keysOf = (header: string) => String(req.headers[header] ?? '').split(' ').filter(Boolean)
      requests.push({ method: req.method ?? '', keys: [...keysOf('xkey-purge'), ...keysOf('xkey-softpurge')], outright: keysOf('xkey-purge'), headers: req.headers })
      res.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    requests,
    failNext: (count) => (failures = count),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/**
 * For the whole test file, CACHE_PURGE_URL names a recording endpoint, so the hooks' purges of
 * the cache tier are seen. Call it before useTestPayload: the process's purger reads the
 * variable when the first change is purged.
 */
export function useRecordingPurgeEndpoint(): () => PurgeEndpoint {
  let endpoint: PurgeEndpoint
  beforeAll(async () => {
    endpoint = await startPurgeEndpoint()
    process.env.CACHE_PURGE_URL = endpoint.url
  })
  afterAll(async () => {
    delete process.env.CACHE_PURGE_URL
    await endpoint.close()
  })
  return () => endpoint
}
