import type { Metadata } from 'next'

import { searchMetadata, SearchView } from '@/reader/components/SearchView'

/**
 * `/search` as addressed, rendered per request. Only what has no cache key gets here (a bad
 * date, a query too long: answered with what is wrong); proxy.ts rewrites every other search
 * address to its cached page, `search/[...key]`.
 */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

function toUrlParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(raw)) {
    const first = Array.isArray(value) ? value[0] : value
    if (first !== undefined && first !== '' && name !== 'drafts') params.set(name, first)
  }
  return params
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata(toUrlParams(await searchParams))
}

export default async function SearchPage({ searchParams }: Props) {
  // Called, not mounted: the page resolves to finished markup (the reader XSS test renders it statically).
  return SearchView({ urlParams: toUrlParams(await searchParams) })
}
