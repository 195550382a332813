import { toShanghaiIso } from '@/newsroom/dates'
import { absoluteUrl } from '../site'
import { readerPaths } from '@/publishing/urls'

export type ChangeFrequency = 'always' | 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'never'

export type SitemapEntry = {
  path: string
  lastModified?: Date | string
  changeFrequency?: ChangeFrequency
  priority?: number
}

/**
 * URLs per file. sitemaps.org allows 50,000; parts of 5,000 (about 1 MB) stay quick to render
 * after a change, to cache and to fetch, and a crawler re-reads only the parts whose date moved.
 */
export const SITEMAP_URL_LIMIT = 5_000

/** Part numbers a request may name: room for 5 million URLs, and a bound on what the cache can be asked to keep. */
export const SITEMAP_MAX_PARTS = 999

export type SitemapPlan = { kind: 'urlset'; xml: string } | { kind: 'index'; xml: string; parts: number }

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'

/** Where part N (from 1) of a split sitemap lives; the route serving it must agree. */
export const sitemapPartPath = (part: number) => `/sitemaps/${part}.xml`

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&apos;', '"': '&quot;' }
const escapeXml = (text: string) => text.replace(/[&<>'"]/g, (char) => XML_ENTITIES[char])

// sitemaps.org wants RFC 3986 URLs: let URL percent-encode anything non-ASCII a path carries.
function locOf(path: string): string {
  const absolute = absoluteUrl(path)
  try {
    return escapeXml(new URL(absolute).href)
  } catch {
    return escapeXml(absolute)
  }
}

function toDate(value: Date | string | undefined): Date | null {
  if (value == null || value === '') return null
  const date = typeof value === 'string' ? new Date(value) : value
  return Number.isNaN(date.getTime()) ? null : date
}

// A bad date drops the optional <lastmod> instead of throwing the whole sitemap away.
const lastmodOf = (value: Date | string | undefined) => {
  const date = toDate(value)
  return date ? `<lastmod>${toShanghaiIso(date)}</lastmod>` : ''
}

function urlElement(entry: SitemapEntry): string {
  const parts = [`<loc>${locOf(entry.path)}</loc>`, lastmodOf(entry.lastModified)]
  if (entry.changeFrequency) parts.push(`<changefreq>${entry.changeFrequency}</changefreq>`)
  if (entry.priority != null && Number.isFinite(entry.priority)) {
    parts.push(`<priority>${Math.min(1, Math.max(0, entry.priority)).toFixed(1)}</priority>`)
  }
  return `  <url>${parts.join('')}</url>`
}

function urlset(entries: SitemapEntry[]): string {
  return [DECLARATION, `<urlset xmlns="${XMLNS}">`, ...entries.map(urlElement), '</urlset>', ''].join('\n')
}

function chunk(entries: SitemapEntry[], part: number, limit: number): SitemapEntry[] {
  return entries.slice((part - 1) * limit, part * limit)
}

function newestOf(entries: SitemapEntry[]): Date | undefined {
  let newest: Date | undefined
  for (const entry of entries) {
    const date = toDate(entry.lastModified)
    if (date && (!newest || date > newest)) newest = date
  }
  return newest
}

/**
 * What `/sitemap.xml` serves: the URL set itself when it fits in one file, otherwise an index
 * of `/sitemaps/N.xml`. An empty list still yields a `<urlset>`, which the schema rejects
 * (it wants at least one `<url>`); callers always include the home page.
 */
export function planSitemap(entries: SitemapEntry[], limit: number = SITEMAP_URL_LIMIT): SitemapPlan {
  const size = Math.max(1, Math.floor(limit))
  if (entries.length <= size) return { kind: 'urlset', xml: urlset(entries) }
  const parts = Math.ceil(entries.length / size)
  const children = Array.from({ length: parts }, (_, index) => {
    const lastmod = lastmodOf(newestOf(chunk(entries, index + 1, size)))
    return `  <sitemap><loc>${locOf(sitemapPartPath(index + 1))}</loc>${lastmod}</sitemap>`
  })
  const xml = [DECLARATION, `<sitemapindex xmlns="${XMLNS}">`, ...children, '</sitemapindex>', ''].join('\n')
  return { kind: 'index', xml, parts }
}

/** `/sitemaps/N.xml`; null when the sitemap is not split or has no part N (serve a 404). */
export function renderSitemapPart(entries: SitemapEntry[], part: number, limit: number = SITEMAP_URL_LIMIT): string | null {
  const size = Math.max(1, Math.floor(limit))
  if (entries.length <= size || !Number.isInteger(part) || part < 1) return null
  const slice = chunk(entries, part, size)
  return slice.length ? urlset(slice) : null
}

export function renderRobotsTxt(): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /admin',
    'Disallow: /api/',
    // Photos are served under /api/; crawlers (and link-preview bots that obey robots.txt)
    // need them for image search and share cards. The longer rule wins over `/api/`.
    'Allow: /api/photos/file/',
    'Disallow: /preview/',
    '',
    `Sitemap: ${absoluteUrl(readerPaths.sitemap())}`,
    '',
  ].join('\n')
}
