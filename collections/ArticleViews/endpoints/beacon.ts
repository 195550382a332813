import type { Endpoint, PayloadRequest } from 'payload'

import { SLUG_PATTERN } from '@/newsroom/slug'
import { VIEW_BEACON_MAX_BYTES } from '@/readerViews/paths'
import { articleViewService, countView } from '@/readerViews/service'
import { isAnonymous } from '@/security/bodyLimits'
import { clientAddressOf } from '@/security/rateLimits'

const MAX_SLUG_LENGTH = 200
const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

/**
 * POST /api/article-views/beacon, body: the article's slug (public/reader/views.js sends it with
 * navigator.sendBeacon). Answers 204 at once, before the view is even looked at: counting never
 * keeps a reader or the page waiting, and a reader learns nothing of what was counted. Views by
 * signed-in staff and by pages of other sites are not counted.
 */
async function receiveBeacon(req: PayloadRequest): Promise<Response> {
  if (Number(req.headers.get('content-length')) > VIEW_BEACON_MAX_BYTES) return answer(413)
  let slug: string
  try {
    slug = ((await req.text?.()) ?? '').trim()
  } catch {
    return answer(400)
  }
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH || !SLUG_PATTERN.test(slug)) return answer(400)
  if (!isAnonymous(req.headers) || req.headers.get('sec-fetch-site') === 'cross-site') return answer(204)
  const service = articleViewService(req.payload)
  countView(service, { slug, userAgent: req.headers.get('user-agent'), address: clientAddressOf(req.headers) }).catch((error: unknown) =>
    req.payload.logger.warn({ err: error, msg: '阅读量：一次阅读未能计入' }),
  )
  return answer(204)
}

const onlyPost = async () => answer(405, { Allow: 'POST' })

export const viewBeaconEndpoints: Endpoint[] = [
  { path: '/beacon', method: 'post', handler: receiveBeacon },
  ...(['get', 'put', 'patch', 'delete'] as const).map((method): Endpoint => ({ path: '/beacon', method, handler: onlyPost })),
]
