import Link from 'next/link'

import type { Article, Column } from '@payload-types'
import { webHeadlineOf } from '@/newsroom/headlines'
import type { ChannelNeighbours } from '../data/channelQueries'
import type { ArticleLink } from '../data/queries'
import { columnLabelOf, photoOf, thumbnailOf } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'

type Props = { previous: ArticleLink | null; next: ArticleLink | null; inChannel: ChannelNeighbours | null; related: Article[]; column: Column | null }

function InstallmentLink({ article, column, rel }: { article: ArticleLink; column: Column; rel: 'prev' | 'next' }) {
  const label = columnLabelOf({ column, installment: article.installment })
  return (
    <Link href={readerPaths.article(article.slug ?? '')} rel={rel}>
      <span className="installments__direction">{rel === 'prev' ? '上一期' : '下一期'}</span>
      {label && <span className="installments__label">{label}</span>}
      <span className="installments__title">{webHeadlineOf(article)}</span>
    </Link>
  )
}

/** 上一篇 and 下一篇 in the article's channel, named so readers know which list they walk through. */
function ChannelNeighbourLinks({ inChannel }: { inChannel: ChannelNeighbours }) {
  const { channel, previous, next } = inChannel
  if (!previous && !next) return null
  return (
    <nav className="channel-neighbours" aria-label={`${channel.name}频道 上一篇与下一篇`}>
      {previous && (
        <Link href={readerPaths.article(previous.slug ?? '')} rel="prev">
          <span className="channel-neighbours__direction">上一篇</span>
          <span>{webHeadlineOf(previous)}</span>
        </Link>
      )}
      {next && (
        <Link href={readerPaths.article(next.slug ?? '')} rel="next">
          <span className="channel-neighbours__direction">下一篇</span>
          <span>{webHeadlineOf(next)}</span>
        </Link>
      )}
      <p className="channel-neighbours__channel">
        <Link href={readerPaths.channel(channel.slug)}>更多{channel.name}报道</Link>
      </p>
    </nav>
  )
}

/** The column's neighbouring installments, 上一篇/下一篇 in the channel and related reading, below the article. */
export function ArticleSurroundings({ previous, next, inChannel, related, column }: Props) {
  return (
    <>
      {inChannel && <ChannelNeighbourLinks inChannel={inChannel} />}
      {column && (previous || next) && (
        <nav className="installments" aria-label={`${column.name} 上一期与下一期`}>
          {previous && <InstallmentLink article={previous} column={column} rel="prev" />}
          {next && <InstallmentLink article={next} column={column} rel="next" />}
        </nav>
      )}
      {related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading" className="section-heading">相关报道</h2>
          <ul className="related__list">
            {related.map((article) => {
              const label = columnLabelOf(article)
              const thumbnail = thumbnailOf(photoOf(article.leadPhoto))
              return (
                <li key={article.id} className={thumbnail ? 'related__item related__item--photo' : 'related__item'}>
                  {/* Inside the link and without alt text: the headline names the link, the picture only illustrates it. */}
                  <Link href={readerPaths.article(article.slug ?? '')}>
                    {thumbnail && <img className="related__thumbnail" src={thumbnail.url} width={thumbnail.width} height={thumbnail.height} alt="" loading="lazy" decoding="async" />}
                    <span className="related__text">
                      {label && <span className="column-label">{label} </span>}
                      {webHeadlineOf(article)}
                    </span>
                  </Link>
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </>
  )
}
