import { type NextRequest, NextResponse } from 'next/server'

import { CONTENT_SECURITY_POLICY_HEADER, createNonce, readerPagePolicyWithNonce } from '@/security/contentSecurityPolicy.mjs'
import { bucketsFor, clientAddressOf, rateLimitsEnabled, spend } from '@/security/rateLimits'

/** Paths of app/(reader) rendered for every request, never cached. */
const PER_REQUEST_READER_PAGES = /^\/(search$|preview\/)/

/**
 * Two jobs, for the few paths below only:
 * - rate limits for the requests worth guessing or flooding (login, search, GraphQL);
 * - a Content-Security-Policy with a fresh nonce for the reader pages rendered per request.
 *   Next.js reads the nonce from the request's policy header and puts it on every script it
 *   renders, so these pages hydrate (the admin's live preview refreshes through a client
 *   component). Nothing there is cached (`private, no-store`), so a nonce is never shared.
 *   Cached reader pages get hashes instead (src/security/readerPageCacheHandler.mjs).
 */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  const refusal = await rateLimitRefusal(request)
  if (refusal) return refusal
  // `next dev` evaluates code and never caches pages, so no reader page has a policy there.
  if (!PER_REQUEST_READER_PAGES.test(request.nextUrl.pathname) || process.env.NODE_ENV === 'development') return NextResponse.next()
  const policy = readerPagePolicyWithNonce(createNonce())
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set(CONTENT_SECURITY_POLICY_HEADER, policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set(CONTENT_SECURITY_POLICY_HEADER, policy)
  return response
}

async function rateLimitRefusal(request: NextRequest): Promise<NextResponse | null> {
  if (!rateLimitsEnabled()) return null
  const { pathname } = request.nextUrl
  const buckets = bucketsFor(request.method, pathname, pathname === '/api/graphql' && request.method === 'POST' ? await request.clone().text() : '')
  if (buckets.length === 0) return null
  const verdict = await spend(buckets, clientAddressOf(request.headers))
  if (verdict.allowed) return null
  const message = `请求过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试（too many requests）`
  const headers = { 'Retry-After': String(verdict.retryAfterSeconds), 'Cache-Control': 'no-store' }
  if (pathname.startsWith('/api/')) return NextResponse.json({ errors: [{ message }] }, { status: 429, headers })
  return new NextResponse(message, { status: 429, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
}

// Next.js reads this literally at build time, so it cannot be imported. Every dynamic page of
// app/(reader) must be listed here: without a policy of its own it would go out with none.
export const config = {
  matcher: ['/search', '/preview/:path*', '/api/users/login', '/api/users/forgot-password', '/api/users/reset-password', '/api/search', '/api/graphql'],
}
