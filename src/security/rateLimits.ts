import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import type { Env } from '@/config/environment'
import { apiRefusal } from './apiErrors'
import { LOGIN_PATHS } from './bodyLimits'

/**
 * Requests per client address per minute. Login-type requests are few for a person and
 * many for a password-guessing script (Payload's lockout stops guessing at one account;
 * this stops spraying many). Search is the one public request that is never cached, so a
 * flood of it reaches the database.
 */
export const RATE_LIMITS = {
  login: { points: 10, duration: 60 },
  search: { points: 120, duration: 60 },
  graphql: { points: 300, duration: 60 },
} as const

export type RateLimitBucket = keyof typeof RATE_LIMITS
/** Points to spend from one bucket: a GraphQL request with 30 aliased logins is 30 logins. */
export type RateLimitCharge = { bucket: RateLimitBucket; points: number }
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }



/**
 * `graphQLLogins`: the login-type fields of a GraphQL request's parsed document
 * (graphqlRequest.ts `graphQLLoginAttempts`), counted on top of the GraphQL budget. Counted
 * after parsing, because the raw body can hide a name behind a JSON escape (`\u006coginUser`).
 */
export function bucketsFor(method: string, pathname: string, graphQLLogins = 0): RateLimitCharge[] {
  if (method === 'POST' && LOGIN_PATHS.has(pathname)) return [{ bucket: 'login', points: 1 }]
  if (pathname === '/api/search' || pathname === '/search') return [{ bucket: 'search', points: 1 }]
  if (pathname === '/api/graphql' && method === 'POST') {
    return graphQLLogins > 0 ? [{ bucket: 'graphql', points: 1 }, { bucket: 'login', points: graphQLLogins }] : [{ bucket: 'graphql', points: 1 }]
  }
  return []
}

/**
 * The client's address as the nearest proxy saw it: Varnish and nginx append the peer
 * to X-Forwarded-For, and Next.js sets it to the socket's address when nothing in front
 * did. So the last entry is the one no client can choose (see SECURITY.md).
 */
export function clientAddressOf(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((part) => part.trim()).filter(Boolean)
  return forwarded?.at(-1) ?? 'unknown'
}

export function rateLimitsEnabled(env: Env = process.env): boolean {
  return env.NEWSROOM_RATE_LIMITS !== 'off'
}

const limiters = new Map<RateLimitBucket, RateLimiterMemory>()
const limiterFor = (bucket: RateLimitBucket) => {
  let limiter = limiters.get(bucket)
  if (!limiter) limiters.set(bucket, (limiter = new RateLimiterMemory({ keyPrefix: bucket, ...RATE_LIMITS[bucket] })))
  return limiter
}

/** Spends each charge from its bucket; refused if any has too few points left, with the longest wait. */
export async function spend(charges: RateLimitCharge[], client: string): Promise<RateLimitVerdict> {
  let retryAfterMs = 0
  for (const { bucket, points } of charges) {
    try {
      await limiterFor(bucket).consume(client, points)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext)
    }
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true }
}

/**
 * The 429 for a request over its limits, or null (also when limits are off): JSON for the API,
 * plain text for pages.
 */
export async function rateLimitRefusal(method: string, pathname: string, headers: Headers, graphQLLogins = 0): Promise<Response | null> {
  if (!rateLimitsEnabled()) return null
  const charges = bucketsFor(method, pathname, graphQLLogins)
  if (charges.length === 0) return null
  const verdict = await spend(charges, clientAddressOf(headers))
  if (verdict.allowed) return null
  const message = `请求过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试（too many requests）`
  const retryAfter = { 'Retry-After': String(verdict.retryAfterSeconds) }
  if (pathname.startsWith('/api/')) return apiRefusal(429, message, retryAfter)
  return new Response(message, { status: 429, headers: { ...retryAfter, 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8' } })
}
