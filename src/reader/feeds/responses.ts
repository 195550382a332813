import { getArticleBySlug, getArticleList } from '../data/articles'
import { getSitemapSource } from '../data/sitemap'
import { getColumnBySlug } from '../data/taxonomy'
import { SITE_DESCRIPTION, SITE_NAME } from '../site'
import { toNinjs } from '../syndication/ninjs'
import { readerPaths } from '@/publishing/urls'
import { type FeedFormat, renderFeed } from './feeds'
import { planSitemap, renderRobotsTxt, renderSitemapPart, SITEMAP_MAX_PARTS, type SitemapEntry } from './sitemap'

const CONTENT_TYPES = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

const respond = (body: string, type: keyof typeof CONTENT_TYPES) => new Response(body, { headers: { 'content-type': CONTENT_TYPES[type] } })
const notFound = () => new Response('未找到', { status: 404, headers: { 'content-type': CONTENT_TYPES.text } })

/** Newest first: a feed reader shows what is new, whatever the column's running order. */
export async function siteFeedResponse(format: FeedFormat): Promise<Response> {
  const { docs } = await getArticleList({ kind: 'latest' }, 1, 'whole')
  const channel = { title: SITE_NAME, description: SITE_DESCRIPTION, path: readerPaths.home(), rssPath: readerPaths.rss(), atomPath: readerPaths.atom() }
  return respond(renderFeed(format, channel, docs), format)
}

export async function columnFeedResponse(format: FeedFormat, slug: string): Promise<Response> {
  const column = await getColumnBySlug(slug)
  if (!column?.slug) return notFound()
  const { docs } = await getArticleList({ kind: 'column', id: column.id, slug: column.slug }, 1, 'whole')
  const channel = {
    title: `${SITE_NAME} · ${column.name}`,
    description: column.description || `${SITE_NAME}专栏“${column.name}”`,
    path: readerPaths.column(column.slug!),
    rssPath: readerPaths.columnRss(column.slug!),
    atomPath: readerPaths.columnAtom(column.slug!),
    updated: docs.length === 0 ? new Date(column.updatedAt) : undefined,
  }
  return respond(renderFeed(format, channel, docs), format)
}

async function sitemapEntries(): Promise<SitemapEntry[]> {
  const source = await getSitemapSource()
  const newest = source.articles[0]?.updatedAt
  const listed = <T extends { slug?: string | null; updatedAt: string }>(docs: T[], path: (slug: string) => string, priority: number, changeFrequency: SitemapEntry['changeFrequency'] = 'daily') =>
    docs.flatMap((doc) => (doc.slug ? [{ path: path(doc.slug), lastModified: doc.updatedAt, changeFrequency, priority }] : []))
  return [
    { path: readerPaths.home(), lastModified: newest, changeFrequency: 'hourly', priority: 1 },
    ...listed(source.articles, readerPaths.article, 0.8, 'weekly'),
    ...listed(source.channels, readerPaths.channel, 0.9, 'hourly'),
    ...listed(source.columns, readerPaths.column, 0.7),
    ...listed(source.bylines, readerPaths.byline, 0.4),
    ...listed(source.tags, readerPaths.tag, 0.4),
    ...listed(source.regions, readerPaths.region, 0.5),
  ]
}

/** `/sitemap.xml`: the URL set, or the index of its parts once it needs more than one. Nothing else lives under it. */
export async function sitemapResponse(extraSegments: string[] = []): Promise<Response> {
  if (extraSegments.length > 0) return notFound()
  return respond(planSitemap(await sitemapEntries()).xml, 'xml')
}

export async function sitemapPartResponse(partFile: string): Promise<Response> {
  const match = /^([1-9]\d{0,2})\.xml$/.exec(partFile)
  const part = match ? Number(match[1]) : null
  const xml = part != null && part <= SITEMAP_MAX_PARTS ? renderSitemapPart(await sitemapEntries(), part) : null
  return xml ? respond(xml, 'xml') : notFound()
}

export function robotsResponse(): Response {
  return respond(renderRobotsTxt(), 'text')
}

/** A published article for syndication partners; a retraction stays, marked canceled, so partners withdraw it. */
export async function ninjsResponse(slug: string): Promise<Response> {
  const article = await getArticleBySlug(slug)
  if (!article) return notFound()
  return new Response(JSON.stringify(toNinjs(article)), { headers: { 'content-type': CONTENT_TYPES.json } })
}
