import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type PeerRequest = { path: string; body: string; signature: string | undefined }
export type PeerInstance = { url: string; requests: PeerRequest[]; failNext: (count: number) => void; close: () => Promise<void> }

/** A stand-in for another app instance: records what arrives at its cache endpoint, answers 503 when told to. */
export async function startPeerInstance(): Promise<PeerInstance> {
  const requests: PeerRequest[] = []
  let failures = 0
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      if (failures > 0) {
        failures -= 1
        res.writeHead(503).end()
        return
      }
      requests.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8'), signature: req.headers['x-newsroom-signature'] as string | undefined })
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext: (count) => (failures = count),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
