import { type NextRequest, NextResponse } from 'next/server'

import { apiRefusal } from '@/security/apiErrors'
import { bodyRefusal, PROXY_BODY_COPY_LIMIT } from '@/security/bodyLimits'
import { CONTENT_SECURITY_POLICY_HEADER, createNonce, readerPagePolicyWithNonce } from '@/security/contentSecurityPolicy.mjs'
import { rateLimitRefusal } from '@/security/rateLimits'

/** Paths of app/(reader) rendered for every request, never by Next.js's own cache. */
const PER_REQUEST_READER_PAGES = /^\/(search$|preview\/)/

/**
 * Two jobs, for the few paths below only:
 * - the search page's rate limit (the API's limits are checked in its routes, src/security/apiRoutes.ts);
 * - a Content-Security-Policy with a fresh nonce for the reader pages rendered per request.
 *   Next.js reads the nonce from the request's policy header and puts it on every script it
 *   renders, so previews hydrate (the admin's live preview refreshes through a client
 *   component); search results lose those scripts in the production server
 *   (scripts/readerPageScripts.mjs) and keep the policy. Next.js never reuses such a page. A search results page may be kept a minute
 *   by the production server and the cache tier (scripts/responseCache.mjs,
 *   scripts/searchCaching.mjs), and its readers then share its nonce: to use
 *   it, injected markup would have to be in that very response, which was fixed before anyone
 *   could read the nonce; the next render gets a new one. Reader pages in Next.js's cache get
 *   hashes instead (src/security/readerPageCacheHandler.mjs).
 *
 * No API path may be matched: for a matched request Next.js reads the whole body, copying it
 * for this function, before it sends even this function's refusal (a 200 MB post is received
 * in full), so a body limit here would come too late. Reader pages take no body: anything
 * over the copy's size (next.config.ts) is refused rather than handed on cut off.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const { pathname } = request.nextUrl
  const tooLarge = bodyRefusal(request.method, pathname, request.headers, PROXY_BODY_COPY_LIMIT)
  if (tooLarge) return apiRefusal(tooLarge.status, tooLarge.message)
  const limited = await rateLimitRefusal(request.method, pathname, request.headers)
  if (limited) return limited
  // `next dev` evaluates code and never caches pages, so no reader page has a policy there.
  if (!PER_REQUEST_READER_PAGES.test(pathname) || process.env.NODE_ENV === 'development') return NextResponse.next()
  const policy = readerPagePolicyWithNonce(createNonce())
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set(CONTENT_SECURITY_POLICY_HEADER, policy)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set(CONTENT_SECURITY_POLICY_HEADER, policy)
  return response
}

// Next.js reads this literally at build time, so it cannot be imported. Every dynamic page of
// app/(reader) must be listed here: without a policy of its own it would go out with none.
export const config = {
  matcher: ['/search', '/preview/:path*'],
}
