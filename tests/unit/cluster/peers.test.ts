import { createPeerNotifier, hasValidPeerSignature, peersFromEnv } from '@/cluster/peers'
import { BODY_LIMITS } from '@/security/bodyLimits'
import { type PeerInstance, startPeerInstance } from '../../helpers/peerInstance'

const SECRET = 'a-shared-secret-of-every-instance-0123456789'
const lines: { level: string; message: string }[] = []
const logger = { warn: (message: string) => lines.push({ level: 'warn', message }), error: (message: string) => lines.push({ level: 'error', message }) }
const tagsOf = (peer: PeerInstance) => peer.requests.flatMap((request) => JSON.parse(request.body).tags as string[])

let peers: PeerInstance[]
beforeEach(async () => {
  lines.length = 0
  peers = await Promise.all([startPeerInstance(), startPeerInstance()])
})
afterEach(async () => {
  await Promise.all(peers.map((peer) => peer.close()))
})

describe('peersFromEnv', () => {
  it('is a single instance without NEWSROOM_PEERS, and reads several base URLs', () => {
    expect(peersFromEnv({})).toEqual([])
    expect(peersFromEnv({ NEWSROOM_PEERS: ' http://app-2:3000/ , https://app-3.example ' })).toEqual(['http://app-2:3000', 'https://app-3.example'])
  })

  it('refuses an address that is not http(s)', () => {
    expect(() => peersFromEnv({ NEWSROOM_PEERS: 'app-2:3000' })).toThrow('NEWSROOM_PEERS')
  })
})

describe('createPeerNotifier', () => {
  it('sends a burst of changes to every peer as one signed request to its cache endpoint', async () => {
    const notifier = createPeerNotifier({ peers: peers.map((peer) => peer.url), secret: SECRET, logger, delayMs: 50 })
    notifier.expire(['article-lists', 'article:a'])
    notifier.expire(['article-lists', 'article:b'])
    await notifier.settled()
    for (const peer of peers) {
      expect(peer.requests).toHaveLength(1)
      const [request] = peer.requests
      expect(request.path).toBe('/api/cache/revalidate')
      expect(JSON.parse(request.body).tags.sort()).toEqual(['article-lists', 'article:a', 'article:b'])
      expect(hasValidPeerSignature(request.body, request.signature ?? null, SECRET)).toBe(true)
      expect(hasValidPeerSignature(request.body, request.signature ?? null, 'another-secret')).toBe(false)
    }
  })

  it('splits a long list of tags into bodies a peer accepts without a session', async () => {
    const notifier = createPeerNotifier({ peers: [peers[0].url], secret: SECRET, logger, delayMs: 0 })
    const tags = Array.from({ length: 600 }, (_, index) => `article:a-rather-long-article-slug-${index}`)
    notifier.expire(tags)
    await notifier.settled()
    expect(peers[0].requests.length).toBeGreaterThan(1)
    for (const request of peers[0].requests) expect(Buffer.byteLength(request.body)).toBeLessThanOrEqual(BODY_LIMITS.anonymous)
    expect(tagsOf(peers[0]).sort()).toEqual([...tags].sort())
  })

  it('retries a peer that is down, logging each failure, until the tags get through', async () => {
    const notifier = createPeerNotifier({ peers: [peers[0].url], secret: SECRET, logger, delayMs: 0, retryDelaysMs: [10, 10, 10] })
    peers[0].failNext(2)
    notifier.expire(['home'])
    await notifier.settled()
    expect(tagsOf(peers[0])).toEqual(['home'])
    expect(lines.map((line) => line.level)).toEqual(['warn', 'warn'])
    expect(lines[0].message).toContain('通知其他实例过期缓存失败')
  })

  it('gives up on an unreachable peer with an error naming the tags, and never throws', async () => {
    const notifier = createPeerNotifier({ peers: ['http://127.0.0.1:9'], secret: SECRET, logger, delayMs: 0, retryDelaysMs: [5], timeoutMs: 500 })
    notifier.expire(['feeds'])
    await expect(notifier.settled()).resolves.toBeUndefined()
    expect(lines.map((line) => line.level)).toEqual(['warn', 'error'])
    expect(lines[1].message).toContain('feeds')
  })
})
