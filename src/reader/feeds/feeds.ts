import { Feed, type Extension, type Item } from 'feed'

import type { Article, Tag } from '@payload-types'
import { formatBylines } from '@/newsroom/bylines'
import { webHeadlineOf } from '@/newsroom/headlines'
import { excerptOf } from '@/newsroom/plainText'
import { bylinesOf, columnLabelOf, photoOf, populatedList } from '@/newsroom/presentation'
import { absoluteUrl, SITE_LANGUAGE, SITE_LOGO_PATH, SITE_NAME } from '../site'
import { readerPaths } from '@/publishing/urls'

export type FeedChannel = {
  title: string
  description: string
  /** The page the feed is about, e.g. `/` or `/columns/x`. */
  path: string
  rssPath: string
  atomPath: string
  /** Pass it for empty feeds so the output (and its cache entry) stays stable. */
  updated?: Date
}

export type FeedFormat = 'rss' | 'atom'

const NS_DC = 'http://purl.org/dc/elements/1.1/'
const NS_MEDIA = 'http://search.yahoo.com/mrss/'

// XML 1.0 forbids C0 controls; print imports occasionally carry a stray \v or \f that would
// make the whole document unparseable.
// eslint-disable-next-line no-control-regex
const clean = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')

// Atom title/summary are declared type="html"; RSS 2.0 leaves the type of an item's title and
// description and of the channel's description open, and readers render them as HTML. Plain
// text must be HTML-escaped for all of them, or `<script>` in a headline would be markup.
// Escaped, a text can no longer contain `]]>` either, so it cannot end the CDATA section
// `feed` puts item titles and descriptions in.
const escapeHtml = (text: string) =>
  clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

// `feed` (via xml-js) escapes only `"` in attribute values and `&` in a few of them; a `<`
// would break well-formedness, so swap it for its full-width twin in free-text attributes.
const safeAttribute = (text: string) => clean(text).replace(/</g, '＜')

// xml-js turns every `&amp;` in element text back into `&` before escaping (so as not to escape
// twice), which would rewrite a text that really says `&amp;`; doubled first, it comes out whole.
const elementText = (text: string) => clean(text).replace(/&amp;/g, '&amp;amp;')

// For attributes we write ourselves through extensions, which nothing escapes.
const urlAttribute = (url: string) => new URL(url).href.replace(/&/g, '&amp;')

const toDate = (value: string | null | undefined): Date | null => {
  if (!value) return null
  const date = new Date(value)
  return Number.isNaN(date.getTime()) ? null : date
}

const latest = (dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, date) => (date && (!max || date > max) ? date : max), null)

type LeadImage = { url: string; type: string; length: number | null; width: number | null; height: number | null }

function leadPhotoOf(article: Article): LeadImage | null {
  const card = photoOf(article.leadPhoto)?.sizes?.card
  if (!card?.url) return null
  return {
    url: absoluteUrl(card.url),
    type: card.mimeType || 'image/webp', // the Photos collection renders every size as WebP
    length: card.filesize ?? null,
    width: card.width ?? null,
    height: card.height ?? null,
  }
}

/** Everything both formats need, computed once per article. */
function present(article: Article & { slug: string }) {
  const label = columnLabelOf(article)
  const published = toDate(article.publishedAt) ?? toDate(article.createdAt) ?? new Date(article.updatedAt)
  // A correction is the update readers care about; updatedAt moves on any save.
  const corrected = latest((article.corrections ?? []).map((c) => toDate(c.correctedAt)))
  const updated = latest([published, corrected ?? toDate(article.updatedAt)]) ?? published
  return {
    title: clean(label ? `【${label}】${webHeadlineOf(article)}` : webHeadlineOf(article)),
    link: absoluteUrl(readerPaths.article(article.slug)),
    excerpt: excerptOf(article),
    byline: elementText(formatBylines(bylinesOf(article))),
    tags: populatedList<Tag>(article.tags).map((tag) => tag.name),
    photo: leadPhotoOf(article),
    published,
    updated,
  }
}

type Presented = ReturnType<typeof present>

function rssItem(entry: Presented): Item {
  const extensions: Extension[] = []
  // RSS <author> must be an e-mail address; Dublin Core carries a plain name.
  if (entry.byline) extensions.push({ name: 'dc:creator', objects: { _text: entry.byline } })
  // An <enclosure> without a real length is invalid, so unknown sizes use Media RSS instead.
  if (entry.photo && entry.photo.length == null) {
    const { url, type, width, height } = entry.photo
    extensions.push({ name: 'media:content', objects: { _attributes: { url: urlAttribute(url), medium: 'image', type, width, height } } })
  }
  const { photo } = entry
  return {
    title: escapeHtml(entry.title),
    link: entry.link, // no id/guid: `feed` then emits guid = link with isPermaLink="true"
    date: entry.updated,
    published: entry.published,
    description: escapeHtml(entry.excerpt),
    category: entry.tags.map((name) => ({ name: elementText(name) })),
    image: photo?.length != null ? { url: photo.url, type: photo.type, length: photo.length } : undefined,
    extensions,
  }
}

function atomItem(entry: Presented): Item {
  const { photo } = entry
  // `feed` derives the enclosure type from the file extension; only emit it when that is right.
  const typeMatches = photo && photo.type === `image/${new URL(photo.url).pathname.split('.').pop()}`
  return {
    title: escapeHtml(entry.title),
    id: entry.link,
    link: entry.link,
    date: entry.updated,
    published: entry.published,
    description: escapeHtml(entry.excerpt),
    author: [{ name: entry.byline || SITE_NAME }],
    category: entry.tags.map((name) => ({ term: safeAttribute(name) })),
    image: photo && typeMatches ? { url: photo.url, length: photo.length ?? undefined } : undefined,
  }
}

/** Adds attributes to the first tag starting with `prefix`; loud if `feed` ever changes shape. */
function addAttributes(xml: string, prefix: string, attributes: string): string {
  const at = xml.indexOf(prefix)
  if (at < 0) throw new Error(`feed output has no ${prefix}`)
  return `${xml.slice(0, at + prefix.length)} ${attributes}${xml.slice(at + prefix.length)}`
}

export function renderFeed(format: FeedFormat, channel: FeedChannel, articles: Article[]): string {
  const entries = articles
    .filter((article): article is Article & { slug: string } => Boolean(article.slug))
    .map(present)
  // Newest content date rather than now, so unchanged inputs give byte-identical output.
  const updated = channel.updated ?? latest(entries.map((entry) => entry.updated)) ?? new Date()
  const selfUrl = absoluteUrl(format === 'rss' ? channel.rssPath : channel.atomPath)
  const feed = new Feed({
    // The Atom URL rather than the page: two feeds about one page must not share an id.
    id: absoluteUrl(channel.atomPath),
    title: elementText(channel.title),
    // Atom's subtitle is declared plain text; RSS's description is read as HTML like the items'.
    description: elementText(format === 'rss' ? escapeHtml(channel.description) : channel.description),
    link: absoluteUrl(channel.path),
    feed: selfUrl,
    language: SITE_LANGUAGE,
    image: absoluteUrl(SITE_LOGO_PATH),
    copyright: `© ${SITE_NAME}`,
    author: { name: SITE_NAME },
    generator: false,
    updated,
  })
  for (const entry of entries) feed.addItem(format === 'rss' ? rssItem(entry) : atomItem(entry))

  if (format === 'rss') {
    return addAttributes(feed.rss2(), '<rss version="2.0"', `xmlns:dc="${NS_DC}" xmlns:media="${NS_MEDIA}"`)
  }
  let xml = addAttributes(feed.atom1(), '<feed xmlns="http://www.w3.org/2005/Atom"', `xml:lang="${SITE_LANGUAGE}"`)
  xml = addAttributes(xml, '<link rel="alternate"', 'type="text/html"')
  return addAttributes(xml, '<link rel="self"', 'type="application/atom+xml"')
}
