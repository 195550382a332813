import type { Endpoint, PayloadRequest } from 'payload'

import { expireReaderTags } from '@/publishing/expireTags'
import { isKnownCacheTag } from './knownCacheTags'
import { hasValidPeerSignature, PEER_SIGNATURE_HEADER } from './peers'

/**
 * Expires reader cache tags on this instance and purges them from the cache tier again (a reader
 * the tier sent here before this instance's own cache was expired may have cached the old page
 * there), but never passes them on to peers, or peers would echo each other.
 */
export type LocalTagExpiry = (tags: string[], logger: PayloadRequest['payload']['logger']) => void

const MOST_TAGS = 1_000

const refusal = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status, headers: { 'Cache-Control': 'no-store' } })

type Parsed = { tags: string[] } | { problem: string }

function parseTags(body: string): Parsed {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    return { problem: '请求体不是 JSON' }
  }
  const tags = (value as { tags?: unknown } | null)?.tags
  if (!Array.isArray(tags) || tags.length === 0) return { problem: '字段 tags 必须是非空的缓存标签列表' }
  if (tags.length > MOST_TAGS) return { problem: `字段 tags 最多 ${MOST_TAGS} 个缓存标签` }
  const unknown = tags.find((tag) => !isKnownCacheTag(tag))
  if (unknown !== undefined) return { problem: `字段 tags 含有未知的缓存标签：${String(unknown).slice(0, 80)}` }
  return { tags: [...new Set(tags as string[])] }
}

/**
 * POST /api/cache/revalidate — another instance of this newsroom passes on the reader cache
 * tags a public change expired (./peers). Only a body signed under the shared PAYLOAD_SECRET
 * is accepted, and only tags the reader site uses; nothing else about the request matters.
 */
export function cacheRevalidateEndpoint(expireLocally: LocalTagExpiry = expireReaderTags): Endpoint {
  return {
    path: '/cache/revalidate',
    method: 'post',
    handler: async (req: PayloadRequest) => {
      const body = (await req.text?.()) ?? ''
      const signature = req.headers.get(PEER_SIGNATURE_HEADER)
      if (!signature) return refusal(401, `缺少签名请求头 ${PEER_SIGNATURE_HEADER}`)
      if (!hasValidPeerSignature(body, signature, req.payload.config.secret)) return refusal(403, `签名请求头 ${PEER_SIGNATURE_HEADER} 无效：请求不是由共用同一 PAYLOAD_SECRET 的实例发出的`)
      const parsed = parseTags(body)
      if ('problem' in parsed) return refusal(400, parsed.problem)
      expireLocally(parsed.tags, req.payload.logger)
      return Response.json({ expired: parsed.tags.length }, { headers: { 'Cache-Control': 'no-store' } })
    },
  }
}
