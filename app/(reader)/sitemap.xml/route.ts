import { sitemapResponse } from '@/reader/feeds/responses'

// A path without parameters would be prerendered at build time, when there is no database
// to read and no public origin yet; the data it reads is cached and tag-invalidated instead.
export const dynamic = 'force-dynamic'

export function GET() {
  return sitemapResponse()
}
