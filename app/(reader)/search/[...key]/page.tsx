import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { searchMetadata, SearchView } from '@/reader/components/SearchView'
import { searchPageKeyFromSegments, searchPageParams } from '@/search/pageKey'

/**
 * One reader search, cached: proxy.ts rewrites `/search?q=…` here, under the query's canonical
 * key (src/search/pageKey.ts). Rendered on first request, then served from the cache for up to
 * a minute, or until a public change expires the `search` tag (src/reader/data/search.ts).
 * Search results age faster than other pages: a minute bounds what a missed purge can leave.
 */
export const revalidate = 60

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ key: string[] }> }

async function urlParamsOf({ params }: Props): Promise<URLSearchParams> {
  const key = searchPageKeyFromSegments((await params).key)
  // proxy.ts refuses direct requests for these addresses; a key that is not canonical never renders either.
  if (!key) notFound()
  return searchPageParams(key)
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return searchMetadata(await urlParamsOf(props))
}

export default async function CachedSearchPage(props: Props) {
  return SearchView({ urlParams: await urlParamsOf(props) })
}
