import { robotsResponse } from '@/reader/feeds/responses'

// Read per request so the sitemap line carries the origin the server runs under.
export const dynamic = 'force-dynamic'

export function GET() {
  return robotsResponse()
}
