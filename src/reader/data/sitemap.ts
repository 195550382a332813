import { unstable_cache } from 'next/cache'

import { ARTICLE_LIST_TAGS, CACHE_TAGS, REVALIDATE_SECONDS } from '@/publishing/cacheTags'
import { readerPayload } from './payloadClient'
import { findSitemapSource } from './queries'

/**
 * Everything the sitemap lists. Its tags travel with every sitemap response rendered from it
 * (Next.js collects them into the route's cache entry), so expiring `sitemap` (a public
 * article change) or a list or taxonomy tag (a renamed column, a new byline) re-renders the
 * sitemap on its next request, and nothing else does.
 */
export const getSitemapSource = unstable_cache(async () => findSitemapSource(await readerPayload()), ['sitemap-source'], {
  tags: [CACHE_TAGS.sitemap, CACHE_TAGS.channels, ...ARTICLE_LIST_TAGS],
  revalidate: REVALIDATE_SECONDS,
})
