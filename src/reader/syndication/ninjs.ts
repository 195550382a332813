/**
 * An article as an IPTC ninjs 2.2 news item, for syndication partners. Pure: the caller
 * fetches the article (depth ≥ 2, so bylines, photos, tags and body uploads are populated).
 */
import type { Article, Byline, Photo, Region, Tag } from '@payload-types'
import { formatBylines } from '@/newsroom/bylines'
import { deckWithoutDash } from '@/newsroom/deck'
import { formatChineseDateTime, toShanghaiIso } from '@/newsroom/dates'
import { webHeadlineOf, webTitleOf } from '@/newsroom/headlines'
import { type LexicalNode, lexicalToPlainText } from '@/newsroom/plainText'
import { outletOf, syndicatedOutletOf } from '@/newsroom/outlet'
import { bylinesOf, columnLabelOf, photoCreditOf, photoOf, populated } from '@/newsroom/presentation'
import { absoluteUrl, SITE_LANGUAGE, SITE_NAME } from '../site'
import { readerPaths } from '@/publishing/urls'

export const NINJS_SCHEMA_URI = 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json'

export type NinjsText = { role?: string; contenttype?: string; value: string }
export type NinjsBody = NinjsText & { charcount?: number }
export type NinjsEntity = { name?: string; rel?: string; uri?: string; literal?: string }
export type NinjsRendition = { name: string; href?: string; contenttype?: string; width?: number; height?: number; sizeinbytes?: number }

/** Dates are ISO 8601 with the +08:00 offset. */
type NinjsStrings = 'version' | 'firstcreated' | 'versioncreated' | 'embargoed' | 'expires' | 'language' | 'copyrightholder' | 'ednote' | 'slugline' | 'by'

type NinjsCore = Partial<Record<NinjsStrings, string>> &
  Partial<Record<'people' | 'organisations' | 'subjects' | 'places', NinjsEntity[]>> & {
    uri: string
    type?: 'text' | 'picture'
    standard?: { name: string; version: string; schema: string }
    representationtype?: 'full' | 'partial'
    pubstatus?: 'usable' | 'withheld' | 'canceled'
    altids?: { role: string; value: string }[]
    headlines?: NinjsText[]
    descriptions?: NinjsText[]
    bodies?: NinjsBody[]
    genres?: { literal: string }[]
    renditions?: NinjsRendition[]
    infosources?: { name: string }[]
  }

/** ninjs requires `name` (the association's role in the item) and `uri` on every association. */
export type NinjsAssociation = NinjsCore & { name: string }
export type NinjsItem = NinjsCore & { associations?: NinjsAssociation[] }

/** The schema allows no nulls: what the article lacks is left out, empty strings and lists too. */
function compact<T extends object>(value: T): T {
  const empty = (field: unknown) => field == null || field === '' || (Array.isArray(field) && field.length === 0)
  return Object.fromEntries(Object.entries(value).filter(([, field]) => !empty(field))) as T
}

/** `format: uri` rejects raw CJK and spaces, which uploaded file names may contain. */
function href(path: string): string {
  const url = absoluteUrl(path)
  try {
    return encodeURI(decodeURI(url))
  } catch {
    return url
  }
}

const iso = (value: string | null | undefined) => (value ? toShanghaiIso(value) : undefined)

const texts = (entries: [role: string, value: string | null | undefined][]): NinjsText[] =>
  entries.flatMap(([role, value]) => (value?.trim() ? [{ role, contenttype: 'text/plain', value: value.trim() }] : []))

const SIZE_NAMES = ['thumbnail', 'card', 'large', 'share'] as const
type PhotoFile = NonNullable<NonNullable<Photo['sizes']>['thumbnail']> & { name: string }

function renditionsOf(photo: Photo): NinjsRendition[] {
  const files: PhotoFile[] = [{ ...photo, name: 'original' }, ...SIZE_NAMES.map((name) => ({ ...photo.sizes?.[name], name }))]
  return files.flatMap((size) =>
    size.url
      ? [
          compact({
            name: size.name,
            href: href(size.url),
            // Uploads and every size are converted to WebP on upload.
            contenttype: size.mimeType ?? 'image/webp',
            width: size.width ?? undefined,
            height: size.height ?? undefined,
            sizeinbytes: size.filesize ?? undefined,
          }),
        ]
      : [],
  )
}

function pictureOf(photo: Photo, name: string): NinjsAssociation {
  return compact({
    name,
    // The photo document, not a file: stable when the file is replaced, and public (read: anyone).
    uri: href(`/api/photos/${photo.id}`),
    type: 'picture' as const,
    descriptions: texts([['caption', photo.caption], ['alt', photo.alt]]),
    by: photoCreditOf(photo),
    renditions: renditionsOf(photo),
  })
}

/** Lead photo, gallery, then pictures placed in the body, each once. */
function picturesOf(article: Article): NinjsAssociation[] {
  const bodyUploads = ((article.body?.root?.children ?? []) as LexicalNode[]).filter((node) => node.type === 'upload')
  const photos = [article.leadPhoto, ...(article.photos ?? []), ...bodyUploads.map((node) => node.value)]
    .map(photoOf)
    .filter((photo): photo is Photo => photo != null)
  const unique = photos.filter((photo, index) => photos.findIndex((other) => other.id === photo.id) === index)
  const lead = photoOf(article.leadPhoto)
  let gallery = 0
  return unique.map((photo) => pictureOf(photo, photo.id === lead?.id ? 'leadPhoto' : `photo${++gallery}`))
}

function creditedOf(article: Article, organisations: boolean): NinjsEntity[] {
  return (article.bylines ?? []).flatMap((row) => {
    const byline = populated<Byline>(row.byline)
    if (!byline || (byline.kind === 'organisation') !== organisations) return []
    return [compact({ name: byline.name, rel: row.role, uri: byline.slug ? href(readerPaths.byline(byline.slug)) : undefined })]
  })
}

const linked = <T extends Tag | Region>(values: unknown[] | null | undefined, path: (slug: string) => string) =>
  (values ?? [])
    .map((value) => populated<T>(value))
    .flatMap((doc) => (doc ? [compact({ name: doc.name, uri: doc.slug ? href(path(doc.slug)) : undefined })] : []))

function bodiesOf(text: string): NinjsBody[] {
  return text ? [{ role: 'main', contenttype: 'text/plain', charcount: [...text].length, value: text }] : []
}

export function toNinjs(article: Article): NinjsItem {
  const canceled = Boolean(article.retraction?.retractedAt)
  const corrections = article.corrections ?? []
  const ednote = [
    article.retraction?.notice,
    ...corrections.map((correction) => `更正（${formatChineseDateTime(correction.correctedAt)}）：${correction.note}`),
  ].filter(Boolean)
  return compact<NinjsItem>({
    // Without a slug there is no public page; the document URL still identifies the item.
    uri: href(article.slug ? readerPaths.article(article.slug) : `/api/articles/${article.id}`),
    standard: { name: 'ninjs', version: '2.2', schema: NINJS_SCHEMA_URI },
    type: 'text',
    // A retracted item carries only its headline and notice, as its page does.
    representationtype: canceled ? 'partial' : 'full',
    // Counts the revisions readers are told about, not every save of the document.
    version: String(1 + corrections.length + (canceled ? 1 : 0)),
    firstcreated: iso(article.publishedAt),
    versioncreated: iso(article.updatedAt ?? article.publishedAt),
    embargoed: iso(article.embargoUntil),
    expires: iso(article.unpublishAt),
    pubstatus: canceled ? 'canceled' : 'usable',
    language: SITE_LANGUAGE,
    // Wire copy and reprints stay their originator's: the paper runs them under licence.
    copyrightholder: syndicatedOutletOf(article) ?? SITE_NAME,
    ednote: ednote.join('\n') || undefined,
    slugline: article.slug ?? undefined,
    altids: [{ role: 'cms-id', value: String(article.id) }],
    headlines: texts([
      ['main', webHeadlineOf(article)],
      // The headline as printed, when the site's differs: partners running it in print want it.
      ['print', webTitleOf(article) ? article.title : null],
      ['kicker', article.kicker],
      ['subtitle', article.subtitle && deckWithoutDash(article.subtitle)],
      ['series', columnLabelOf(article)],
    ]),
    by: formatBylines(bylinesOf(article)),
    // The 来源 a partner must credit when it runs the item (infosource: the party that originated or supplied the content).
    infosources: outletOf(article) ? [{ name: syndicatedOutletOf(article) ?? SITE_NAME }] : undefined,
    people: creditedOf(article, false),
    organisations: creditedOf(article, true),
    subjects: linked<Tag>(article.tags, readerPaths.tag),
    places: linked<Region>(article.regions, readerPaths.region),
    genres: article.articleType ? [{ literal: article.articleType }] : undefined,
    ...(canceled
      ? {}
      : {
          descriptions: texts([['summary', article.summary]]),
          bodies: bodiesOf(lexicalToPlainText(article.body)),
          associations: picturesOf(article),
        }),
  })
}
