import { sitemapPartResponse } from '@/reader/feeds/responses'

/** Like /sitemap.xml: each part is rendered once per change and then served from the cache. */
export const revalidate = 3600

export function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  return sitemapPartResponse((await params).part)
}
