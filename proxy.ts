import { type NextRequest, NextResponse } from 'next/server'

import { bucketsFor, clientAddressOf, rateLimitsEnabled, spend } from './src/security/rateLimits'

/** Rate limits for the requests worth guessing or flooding; every other route never comes here. */
export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (!rateLimitsEnabled()) return NextResponse.next()
  const { pathname } = request.nextUrl
  const body = pathname === '/api/graphql' && request.method === 'POST' ? await request.clone().text() : ''
  const verdict = await spend(bucketsFor(request.method, pathname, body), clientAddressOf(request.headers))
  if (verdict.allowed) return NextResponse.next()
  const message = `请求过于频繁，请 ${verdict.retryAfterSeconds} 秒后再试（too many requests）`
  const headers = { 'Retry-After': String(verdict.retryAfterSeconds), 'Cache-Control': 'no-store' }
  if (pathname.startsWith('/api/')) return NextResponse.json({ errors: [{ message }] }, { status: 429, headers })
  return new NextResponse(message, { status: 429, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } })
}

export const config = {
  matcher: ['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password', '/api/search', '/search', '/api/graphql'],
}
