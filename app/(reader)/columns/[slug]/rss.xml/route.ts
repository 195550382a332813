import { columnFeedResponse } from '@/reader/feeds/responses'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return columnFeedResponse('rss', decodeURIComponent((await params).slug))
}
