import { type NextRequest, NextResponse } from 'next/server'

import { CONTENT_SECURITY_POLICY_HEADER, createNonce, readerPagePolicyWithNonce } from '@/security/contentSecurityPolicy.mjs'

/**
 * The reader pages rendered for every request get a Content-Security-Policy with a fresh nonce.
 * Next.js reads the nonce from the request's policy header and puts it on every script it
 * renders, so these pages hydrate: the admin's live preview refreshes the preview through a
 * client component. Nothing here is ever cached (`private, no-store`), so the nonce is never
 * shared. Cached reader pages get hashes instead (src/security/readerPageCacheHandler.mjs),
 * and only the paths below run this code.
 */
export function proxy(request: NextRequest) {
  // `next dev` evaluates code and never caches pages, so no reader page has a policy there.
  if (process.env.NODE_ENV === 'development') return NextResponse.next()
  const policy = readerPagePolicyWithNonce(createNonce())
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set(CONTENT_SECURITY_POLICY_HEADER, policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set(CONTENT_SECURITY_POLICY_HEADER, policy)
  return response
}

// Next.js reads this literally at build time, so it cannot be imported. Every dynamic page of
// app/(reader) must be listed here: without a policy of its own it would go out with none.
export const config = { matcher: ['/search', '/preview/:path*'] }
