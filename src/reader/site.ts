export const SITE_NAME = process.env.SITE_NAME?.trim() || '本报新闻网'
export const SITE_DESCRIPTION = '本报城市、县域新闻与专栏报道'
export const SITE_LANGUAGE = 'zh-CN'

/**
 * The public origin for absolute links (feeds, sitemap, canonical, JSON-LD, ninjs). Read at
 * run time, not build time: the same build serves staging and production origins.
 */
export function siteUrl(): string {
  const configured = process.env.SITE_URL?.trim() || process.env.NEXT_PUBLIC_SERVER_URL?.trim()
  return (configured || `http://localhost:${process.env.PORT || '3000'}`).replace(/\/+$/, '')
}

export function absoluteUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path
  return `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`
}

/** The masthead image publishers and JSON-LD point at; served from public/. */
export const SITE_LOGO_PATH = '/logo.png'

/**
 * What a link preview and JSON-LD show for an article without a photo of its own (wire copy,
 * briefs): the masthead on a 1200×630 card, the size WeChat, OpenGraph and Google ask for.
 * Made by scripts/makeShareImage.mjs.
 */
export const SITE_SHARE_IMAGE = { path: '/share.png', width: 1200, height: 630, alt: SITE_NAME } as const

/** `SITE_REVIEW_SIGNERS=on` prints the 初审, 复审 and 终审 signers under each article, beside its 责任编辑. */
export const printsReviewSigners = (): boolean => process.env.SITE_REVIEW_SIGNERS?.trim() === 'on'
