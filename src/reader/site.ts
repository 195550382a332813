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

/** `SITE_REVIEW_SIGNERS=on` prints the 初审, 复审 and 终审 signers under each article, beside its 责任编辑. */
export const printsReviewSigners = (): boolean => process.env.SITE_REVIEW_SIGNERS?.trim() === 'on'
