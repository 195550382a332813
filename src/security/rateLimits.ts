import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible'

import type { Env } from '../config/environment'

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
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number }

const LOGIN_PATHS = new Set(['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password'])
/** GraphQL's own ways to try a password; counted as logins, on top of the GraphQL budget. */
const GRAPHQL_LOGIN_MUTATIONS = /\b(loginUsers?|forgotPasswordUsers?|resetPasswordUsers?)\b/

export function bucketsFor(method: string, pathname: string, graphQLBody = ''): RateLimitBucket[] {
  if (method === 'POST' && LOGIN_PATHS.has(pathname)) return ['login']
  if (pathname === '/api/search' || pathname === '/search') return ['search']
  if (pathname === '/api/graphql' && method === 'POST') return GRAPHQL_LOGIN_MUTATIONS.test(graphQLBody) ? ['graphql', 'login'] : ['graphql']
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

/** Spends one request from each bucket; refused if any is empty, with the longest wait. */
export async function spend(buckets: RateLimitBucket[], client: string): Promise<RateLimitVerdict> {
  let retryAfterMs = 0
  for (const bucket of buckets) {
    try {
      await limiterFor(bucket).consume(client)
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection
      retryAfterMs = Math.max(retryAfterMs, rejection.msBeforeNext)
    }
  }
  return retryAfterMs > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) } : { allowed: true }
}
