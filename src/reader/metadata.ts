import type { Metadata } from 'next'

import type { Photo } from '@payload-types'
import { absoluteUrl, SITE_DESCRIPTION, SITE_NAME, SITE_SHARE_IMAGE } from './site'
import { readerPaths } from '@/publishing/urls'

export type FeedLink = { title: string; rss: string; atom: string }

export const SITE_FEEDS: FeedLink = { title: SITE_NAME, rss: readerPaths.rss(), atom: readerPaths.atom() }

type PageMetadata = {
  title?: string
  description?: string | null
  /** The page's own path: its canonical URL. */
  path: string
  /** Feeds about this page besides the site-wide ones (a column's own). */
  feeds?: FeedLink[]
  ninjsPath?: string
  image?: Photo | null
  article?: { publishedTime?: string | null; modifiedTime?: string | null; section?: string | null; authors?: string[] }
  noindex?: boolean
}

/**
 * Every reader page's metadata in one shape: canonical URL, the feeds and machine-readable
 * forms it advertises, OpenGraph and Twitter cards. Next.js replaces (not merges) `alternates`
 * per page, so each page states the full set.
 */
export function readerMetadata(page: PageMetadata): Metadata {
  const feeds = [SITE_FEEDS, ...(page.feeds ?? [])]
  const share = page.image?.sizes?.share?.url ? page.image.sizes.share : null
  // Without a photo of its own a page still previews with the masthead card, not a bare link.
  const images = share
    ? [{ url: absoluteUrl(share.url!), width: share.width ?? undefined, height: share.height ?? undefined, alt: page.image!.alt }]
    : [{ url: absoluteUrl(SITE_SHARE_IMAGE.path), width: SITE_SHARE_IMAGE.width, height: SITE_SHARE_IMAGE.height, alt: SITE_SHARE_IMAGE.alt }]
  const description = page.description || SITE_DESCRIPTION
  return {
    ...(page.title ? { title: page.title } : {}),
    description,
    alternates: {
      canonical: absoluteUrl(page.path),
      types: {
        'application/rss+xml': feeds.map((feed) => ({ url: absoluteUrl(feed.rss), title: `${feed.title}（RSS）` })),
        'application/atom+xml': feeds.map((feed) => ({ url: absoluteUrl(feed.atom), title: `${feed.title}（Atom）` })),
        ...(page.ninjsPath ? { 'application/json': [{ url: absoluteUrl(page.ninjsPath), title: 'IPTC ninjs 2.2' }] } : {}),
      },
    },
    openGraph: {
      type: page.article ? 'article' : 'website',
      siteName: SITE_NAME,
      locale: 'zh_CN',
      url: absoluteUrl(page.path),
      title: page.title ?? SITE_NAME,
      description,
      images,
      ...(page.article
        ? {
            publishedTime: page.article.publishedTime ?? undefined,
            modifiedTime: page.article.modifiedTime ?? undefined,
            section: page.article.section ?? undefined,
            authors: page.article.authors,
          }
        : {}),
    },
    twitter: { card: 'summary_large_image', title: page.title ?? SITE_NAME, description, images },
    ...(page.noindex ? { robots: { index: false, follow: true } } : {}),
  }
}
