import { REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import { guardedRestRoute } from '@/security/apiRoutes'
import { type InProcessClient, replyOf } from './inProcessApi'

type RestRoute = ReturnType<typeof guardedRestRoute<[{ params: Promise<{ slug: string[] }> }]>>

/**
 * The REST routes exactly as app/(payload)/api/[...slug]/route.ts exports them, wrappers
 * included (the route module itself imports Payload's CSS, which Jest cannot load), called in
 * process like inProcessClient. Content-Length is set as it arrives from a client (none when
 * the headers say the body is chunked).
 */
export function inProcessRoutes(payload: Payload, token?: string): InProcessClient {
  const routes: Record<string, RestRoute> = Object.fromEntries(
    Object.entries({ GET: REST_GET, POST: REST_POST, PATCH: REST_PATCH, PUT: REST_PUT, DELETE: REST_DELETE }).map(([method, build]) => [method, guardedRestRoute(build(payload.config))]),
  )
  return {
    token,
    rest: async (path, init = {}) => {
      const method = init.method ?? 'GET'
      const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body))
      const chunked = Object.keys(init.headers ?? {}).some((name) => name.toLowerCase() === 'transfer-encoding')
      const headers: Record<string, string> = {
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(body === undefined || chunked ? {} : { 'Content-Length': String(Buffer.byteLength(body)) }),
        ...(token ? { Authorization: `JWT ${token}` } : {}),
        ...init.headers,
      }
      const slug = new URL(path, 'http://localhost').pathname.split('/').slice(2).map(decodeURIComponentSafely)
      const route = routes[method] as RestRoute
      return replyOf(await route(new Request(`http://localhost:3000${path}`, { method, headers, body }), { params: Promise.resolve({ slug }) }))
    },
  }
}

/** Next.js hands the route its segments decoded, and leaves a segment it cannot decode as it is. */
function decodeURIComponentSafely(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}
