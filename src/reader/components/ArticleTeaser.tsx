import Link from 'next/link'

import type { Article } from '@payload-types'
import { formatBylines } from '@/newsroom/bylines'
import { printedDeck } from '@/newsroom/deck'
import { formatChineseDateTime, toShanghaiIso } from '@/newsroom/dates'
import { webTitleOf } from '@/newsroom/headlines'
import { bylinesOf, columnLabelOf, columnOf, photoOf } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'
import { ResponsiveImage } from './ResponsiveImage'

type Props = {
  article: Article
  lead?: boolean
  headingLevel?: 2 | 3
  /** Which headline to show: the web one (the site's lists), or the printed triad (the 数字报). */
  headline?: 'web' | 'print'
}

export function ArticleTeaser({ article, lead = false, headingLevel = 2, headline = 'web' }: Props) {
  const webTitle = headline === 'web' ? webTitleOf(article) : null
  const label = columnLabelOf(article)
  const columnSlug = columnOf(article)?.slug
  const photo = lead ? photoOf(article.leadPhoto) : null
  const HeadingTag = headingLevel === 2 ? 'h2' : 'h3'
  const deck = printedDeck(article.subtitle)
  return (
    <article className={lead ? 'teaser teaser--lead' : 'teaser'}>
      {photo && <ResponsiveImage className="teaser__photo" photo={photo} sizes="(min-width: 48rem) 46rem, 100vw" priority />}
      {label && <p className="column-label">{columnSlug ? <Link href={readerPaths.column(columnSlug)}>{label}</Link> : label}</p>}
      {!webTitle && article.kicker && <p className="kicker">{article.kicker}</p>}
      <HeadingTag className="teaser__title">
        <Link href={readerPaths.article(article.slug ?? '')}>{webTitle ?? article.title}</Link>
      </HeadingTag>
      {!webTitle && deck && <p className="subtitle">{deck}</p>}
      <p className="teaser__meta">
        {formatBylines(bylinesOf(article))}
        {article.publishedAt && <time dateTime={toShanghaiIso(article.publishedAt)}> {formatChineseDateTime(article.publishedAt)}</time>}
      </p>
      {article.summary && <p className="teaser__summary">{article.summary}</p>}
    </article>
  )
}
