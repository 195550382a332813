import { sitemapResponse } from '@/reader/feeds/responses'

/**
 * Rendered on first request, then served from Next.js's cache until a change expires the
 * sitemap's tags (src/reader/data/sitemap.ts). The optional segment is what keeps `next build`
 * from prerendering it, when there is no database to read and no public origin yet.
 */
export const revalidate = 3600

export function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ rest?: string[] }> }) {
  return sitemapResponse((await params).rest)
}
