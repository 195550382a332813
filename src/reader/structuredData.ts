import type { Article, Tag } from '@payload-types'
import { toShanghaiIso } from '@/newsroom/dates'
import { printHeadlineOf, webHeadlineOf, webTitleOf } from '@/newsroom/headlines'
import { deckWithoutDash } from '@/newsroom/deck'
import { syndicatedOutletOf } from '@/newsroom/outlet'
import { excerptOf } from '@/newsroom/plainText'
import { bylinesOf, columnLabelOf, columnOf, modifiedAtOf, populatedList, sharePhotoOf } from '@/newsroom/presentation'
import { absoluteUrl, SITE_LANGUAGE, SITE_LOGO_PATH, SITE_NAME, SITE_SHARE_IMAGE } from './site'
import { readerPaths } from '@/publishing/urls'

/** The publisher as schema.org wants it for news: an organisation with a 600×60 logo. */
export function publisherJsonLd() {
  return {
    '@type': 'NewsMediaOrganization',
    name: SITE_NAME,
    url: absoluteUrl('/'),
    logo: { '@type': 'ImageObject', url: absoluteUrl(SITE_LOGO_PATH), width: 600, height: 60 },
  }
}

const WRITING_ROLES = new Set(['byline', 'staffReporter', 'reporter', 'correspondent', 'contributor'])

/** schema.org `NewsArticle` for search engines; photographers are contributors, not authors. */
export function newsArticleJsonLd(article: Article) {
  const url = absoluteUrl(readerPaths.article(article.slug ?? ''))
  const people = bylinesOf(article).map((byline) => ({
    role: byline.role,
    value: {
      '@type': byline.kind === 'organisation' ? 'Organization' : 'Person',
      name: byline.name,
      ...(byline.slug ? { url: absoluteUrl(readerPaths.byline(byline.slug)) } : {}),
    },
  }))
  const photo = sharePhotoOf(article)
  const renditions = [photo?.sizes?.share, photo?.sizes?.large]
    .filter((rendition) => rendition?.url)
    .map((rendition) => ({ '@type': 'ImageObject', url: absoluteUrl(rendition!.url!), width: rendition!.width, height: rendition!.height }))
  // Google requires an image and an author of every NewsArticle: wire copy and briefs have neither of their own.
  const images = renditions.length > 0 ? renditions : [{ '@type': 'ImageObject', url: absoluteUrl(SITE_SHARE_IMAGE.path), width: SITE_SHARE_IMAGE.width, height: SITE_SHARE_IMAGE.height }]
  const authors = people.filter((person) => WRITING_ROLES.has(person.role)).map((person) => person.value)
  // Wire copy (来源：新华社) was written on its agency's behalf: the agency is its source, and its author when no writer is named.
  const outlet = syndicatedOutletOf(article)
  const source = outlet ? { '@type': 'NewsMediaOrganization', name: outlet } : null
  const column = columnOf(article)
  // With a web headline the printed one is the alternative; without, its kicker and deck are.
  const alternativeHeadline = webTitleOf(article) ? printHeadlineOf(article) : [article.kicker, article.subtitle && deckWithoutDash(article.subtitle)].filter(Boolean).join(' ')
  const keywords = populatedList<Tag>(article.tags).map((tag) => tag.name)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: webHeadlineOf(article),
    ...(alternativeHeadline ? { alternativeHeadline } : {}),
    description: excerptOf(article),
    inLanguage: SITE_LANGUAGE,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(article.publishedAt ? { datePublished: toShanghaiIso(article.publishedAt) } : {}),
    dateModified: toShanghaiIso(modifiedAtOf(article)),
    author: authors.length > 0 ? authors : [source ?? { '@type': 'NewsMediaOrganization', name: SITE_NAME, url: absoluteUrl('/') }],
    ...(source ? { sourceOrganization: source } : {}),
    contributor: people.filter((person) => !WRITING_ROLES.has(person.role)).map((person) => person.value),
    image: images,
    publisher: publisherJsonLd(),
    ...(column?.slug
      ? {
          isPartOf: { '@type': 'CreativeWorkSeries', name: column.name, url: absoluteUrl(readerPaths.column(column.slug)) },
          articleSection: columnLabelOf(article) ?? column.name,
        }
      : article.print?.pageName
        ? { articleSection: article.print.pageName }
        : {}),
    ...(keywords.length > 0 ? { keywords: keywords.join(',') } : {}),
  }
}

export function webSiteJsonLd() {
  return { '@context': 'https://schema.org', '@type': 'WebSite', name: SITE_NAME, url: absoluteUrl('/'), inLanguage: SITE_LANGUAGE, publisher: publisherJsonLd() }
}
