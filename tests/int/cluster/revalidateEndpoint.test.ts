import type { Endpoint, Payload } from 'payload'

import { cacheRevalidateEndpoint } from '@/cluster/revalidateEndpoint'
import { processPeerNotifier, signPeerBody } from '@/cluster/peers'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { inProcessRoutes } from '../../helpers/inProcessRoutes'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { type PeerInstance, startPeerInstance } from '../../helpers/peerInstance'
import { publishThroughChain } from '../../helpers/workflow'

// This instance's peer (NEWSROOM_PEERS) is a recording stand-in for a second instance.
let peer: PeerInstance
let payload: Payload
let staff: Staff
beforeAll(async () => {
  peer = await startPeerInstance()
  process.env.NEWSROOM_PEERS = peer.url
})
useTestPayload({ staff: true }, (booted) => {
  ;({ payload, staff } = booted)
  // The registered endpoint, with the local expiry recorded instead of reaching Next.js's cache.
  const registered = payload.config.endpoints.find((endpoint) => endpoint.path === '/cache/revalidate') as Endpoint
  registered.handler = cacheRevalidateEndpoint((tags) => expired.push(...tags)).handler
})
afterAll(async () => {
  delete process.env.NEWSROOM_PEERS
  await peer.close()
})

const expired: string[] = []
const secret = () => payload.config.secret
const api = () => inProcessRoutes(payload)
const revalidate = (body: string, signature?: string) =>
  api().rest('/api/cache/revalidate', { method: 'POST', rawBody: body, headers: signature === undefined ? {} : { 'X-Newsroom-Signature': signature } })
const signed = (body: string) => revalidate(body, signPeerBody(body, secret()))
const settled = () => processPeerNotifier(secret(), payload.logger)!.settled()
const tagsSentToPeer = () => peer.requests.flatMap((request) => JSON.parse(request.body).tags as string[])

beforeEach(async () => {
  await settled()
  expired.length = 0
  peer.requests.length = 0
})

describe('POST /api/cache/revalidate', () => {
  it('expires here the tags another instance signed', async () => {
    const body = JSON.stringify({ tags: [CACHE_TAGS.home, CACHE_TAGS.article('county-bridge'), CACHE_TAGS.day('2026-12-05'), CACHE_TAGS.home] })
    const reply = await signed(body)
    expect(reply.status).toBe(200)
    expect(expired).toEqual([CACHE_TAGS.home, CACHE_TAGS.article('county-bridge'), CACHE_TAGS.day('2026-12-05')])
  })

  it('refuses a request without a signature, or signed under another secret, or changed after signing, in Chinese, expiring nothing', async () => {
    const body = JSON.stringify({ tags: [CACHE_TAGS.home] })
    const unsigned = await revalidate(body)
    expect(unsigned.status).toBe(401)
    expect(unsigned.json.errors[0].message).toContain('缺少签名请求头 X-Newsroom-Signature')

    const forged = await revalidate(body, signPeerBody(body, 'not-the-shared-secret-0123456789abcdef'))
    expect(forged.status).toBe(403)
    expect(forged.json.errors[0].message).toContain('签名请求头 X-Newsroom-Signature 无效')

    const altered = await revalidate(JSON.stringify({ tags: [CACHE_TAGS.feeds] }), signPeerBody(body, secret()))
    expect(altered.status).toBe(403)
    expect((await revalidate(body, 'zz')).status).toBe(403)
    expect(expired).toEqual([])
  })

  it('refuses, naming the field, a signed body whose tags the reader site never uses, expiring none of them', async () => {
    for (const tags of [['home', 'everything'], ['article:'], ['article:two words'], ['column:a\u0000b'], [42], [], 'home']) {
      const reply = await signed(JSON.stringify({ tags }))
      expect(reply.status).toBe(400)
      expect(reply.json.errors[0].message).toContain('字段 tags')
    }
    const notJson = await signed('tags=home')
    expect(notJson.status).toBe(400)
    expect(notJson.json.errors[0].message).toBe('请求体不是 JSON')
    expect(expired).toEqual([])
  })
})

describe('a public change on this instance', () => {
  const asEditor = () => ({ user: { ...staff.editor, collection: 'users' as const } })

  it('passes its tags, signed, to every peer; a draft save passes nothing', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '跨实例的稿件', slug: 'across-instances' } as never, draft: true, ...asEditor() })
    await payload.update({ collection: 'articles', id: article.id, data: { title: '跨实例的稿件（改）' } as never, draft: true, ...asEditor() })
    await settled()
    expect(peer.requests).toEqual([])

    await publishThroughChain(payload, staff, article.id)
    await settled()
    expect(tagsSentToPeer()).toEqual(expect.arrayContaining([CACHE_TAGS.home, CACHE_TAGS.article('across-instances')]))
    for (const request of peer.requests) {
      expect(request.path).toBe('/api/cache/revalidate')
      expect(request.signature).toBe(signPeerBody(request.body, secret()))
    }
    // What one instance sends, another accepts.
    expect((await revalidate(peer.requests[0].body, peer.requests[0].signature)).status).toBe(200)
  })
})
