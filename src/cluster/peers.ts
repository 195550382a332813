import { createHmac, timingSafeEqual } from 'node:crypto'

import { BODY_LIMITS } from '@/security/bodyLimits'
import { createBatchedDelivery, type DeliveryLogger, oncePerProcess } from '@/publishing/batchedDelivery'

/**
 * The other app instances behind the same cache tier. Each instance keeps its own Next.js
 * cache of reader pages, so a public change expires its tags on the instance that made it and
 * is then sent to every peer's POST /api/cache/revalidate (./revalidateEndpoint), which
 * expires the same tags there. Configured by environment:
 *
 * - `NEWSROOM_PEERS`: the other instances' base URLs, comma-separated
 *   (`http://app-2:3000,http://app-3:3000`). Unset: a single instance, nothing is sent.
 *
 * The body is signed with HMAC-SHA256 under PAYLOAD_SECRET, which every instance shares.
 * Sending never blocks or fails a save (./batchedDelivery); a peer that stays unreachable is
 * logged, and its pages then expire on their own revalidation period.
 */
export const PEER_SIGNATURE_HEADER = 'X-Newsroom-Signature'
export const PEER_REVALIDATE_PATH = '/api/cache/revalidate'

export function peersFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const peers = (env.NEWSROOM_PEERS ?? '')
    .split(',')
    .map((url) => url.trim().replace(/\/+$/, ''))
    .filter(Boolean)
  for (const url of peers) if (!/^https?:\/\/[^/]+/.test(url)) throw new Error(`NEWSROOM_PEERS 必须是 http(s) 地址：${url}`)
  return peers
}

/** The signature of a request body: hex HMAC-SHA256 under the shared secret. */
export function signPeerBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body).digest('hex')
}

export function hasValidPeerSignature(body: string, signature: string | null, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false
  return timingSafeEqual(Buffer.from(signPeerBody(body, secret), 'hex'), Buffer.from(signature, 'hex'))
}

/** Under the API's body limit for a request without a session (src/security/bodyLimits). */
const LARGEST_BODY = BODY_LIMITS.anonymous - 512

/** The tags of a burst of changes, in as few bodies as fit under the limit. */
function bodiesFor(tags: string[]): string[] {
  const bodies: string[] = []
  const empty = Buffer.byteLength(JSON.stringify({ tags: [] }))
  let batch: string[] = []
  let size = empty
  for (const tag of tags) {
    const added = Buffer.byteLength(JSON.stringify(tag)) + (batch.length > 0 ? 1 : 0)
    if (batch.length > 0 && size + added > LARGEST_BODY) {
      bodies.push(JSON.stringify({ tags: batch }))
      batch = []
      size = empty
    }
    size += Buffer.byteLength(JSON.stringify(tag)) + (batch.length > 0 ? 1 : 0)
    batch.push(tag)
  }
  if (batch.length > 0) bodies.push(JSON.stringify({ tags: batch }))
  return bodies
}

export type PeerNotifier = { expire: (tags: readonly string[]) => void; settled: () => Promise<void> }
export type PeerNotifierOptions = { peers: string[]; secret: string; logger: DeliveryLogger; delayMs?: number; retryDelaysMs?: number[]; timeoutMs?: number }

export function createPeerNotifier({ peers, secret, logger, ...timing }: PeerNotifierOptions): PeerNotifier {
  const delivery = createBatchedDelivery({
    destinations: peers,
    send: async (peer, tags, signal) => {
      const bodies = bodiesFor(tags)
      for (const [index, body] of bodies.entries()) {
        const answer = await fetch(`${peer}${PEER_REVALIDATE_PATH}`, { method: 'POST', headers: { 'Content-Type': 'application/json', [PEER_SIGNATURE_HEADER]: signPeerBody(body, secret) }, body, signal })
        // The last answer, or the first refusal, is read by the delivery.
        if (!answer.ok || index === bodies.length - 1) return answer
        await answer.arrayBuffer()
      }
      return new Response(null, { status: 204 })
    },
    label: '通知其他实例过期缓存',
    afterGivingUp: '该实例的页面将在缓存重新验证周期到期后更新。',
    logger,
    ...timing,
  })
  return { expire: delivery.add, settled: delivery.settled }
}

/** The process's notifier from NEWSROOM_PEERS; null for a single instance. */
export function processPeerNotifier(secret: string, logger: DeliveryLogger): PeerNotifier | null {
  return oncePerProcess(Symbol.for('newsroom.peerNotifier'), () => {
    const peers = peersFromEnv()
    return peers.length > 0 ? createPeerNotifier({ peers, secret, logger }) : null
  })
}
