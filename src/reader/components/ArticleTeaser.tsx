import Link from 'next/link'

import type { Article } from '../../../payload-types'
import { formatBylines } from '../../newsroom/bylines'
import { formatChineseDateTime, toShanghaiIso } from '../../newsroom/dates'
import { bylinesOf, columnLabelOf, photoOf } from '../presentation'

type Props = { article: Article; lead?: boolean }

export function ArticleTeaser({ article, lead = false }: Props) {
  const label = columnLabelOf(article)
  const columnSlug = typeof article.column === 'object' ? article.column?.slug : null
  const photo = lead ? photoOf(article.leadPhoto) : null
  const HeadingTag = lead ? 'h2' : 'h3'
  return (
    <article className={lead ? 'teaser teaser--lead' : 'teaser'}>
      {photo?.sizes?.card?.url && (
        <img className="teaser__photo" src={photo.sizes.card.url} alt={photo.alt} width={photo.sizes.card.width ?? undefined} height={photo.sizes.card.height ?? undefined} />
      )}
      {label && (
        <p className="column-label">{columnSlug ? <a href={`/columns/${columnSlug}`}>{label}</a> : label}</p>
      )}
      {article.kicker && <p className="kicker">{article.kicker}</p>}
      <HeadingTag className="teaser__title">
        <Link href={`/articles/${article.slug}`}>{article.title}</Link>
      </HeadingTag>
      {article.subtitle && <p className="subtitle">——{article.subtitle}</p>}
      <p className="teaser__meta">
        {formatBylines(bylinesOf(article))}
        {article.publishedAt && (
          <time dateTime={toShanghaiIso(article.publishedAt)}> {formatChineseDateTime(article.publishedAt)}</time>
        )}
      </p>
      {article.summary && <p className="teaser__summary">{article.summary}</p>}
    </article>
  )
}
