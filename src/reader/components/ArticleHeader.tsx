import Link from 'next/link'

import type { Article } from '../../../payload-types'
import { printedDeck } from '../../newsroom/deck'
import { formatChineseDate, formatChineseDateTime, toShanghaiDate, toShanghaiIso } from '../../newsroom/dates'
import { bylinesOf, columnLabelOf, columnOf, lastCorrectedAt } from '../presentation'
import { readerPaths } from '../urls'
import { Bylines } from './Bylines'

/** Headline block as printed: column label, 引题, 主题, 副题, then bylines and dates. */
export function ArticleHeader({ article }: { article: Article }) {
  const label = columnLabelOf(article)
  const column = columnOf(article)
  const corrected = lastCorrectedAt(article)
  const edition = article.print?.editionDate
  const deck = printedDeck(article.subtitle)
  return (
    <header className="article__header">
      {label && <p className="column-label">{column?.slug ? <Link href={readerPaths.column(column.slug)}>{label}</Link> : label}</p>}
      {article.kicker && <p className="kicker">{article.kicker}</p>}
      <h1 className="article__title">{article.title}</h1>
      {deck && <p className="subtitle">{deck}</p>}
      {article.bylinePosition !== 'trailing' && <Bylines bylines={bylinesOf(article)} />}
      {article.publishedAt && (
        <p className="article__date">
          <Link href={readerPaths.archive(toShanghaiDate(article.publishedAt))}>
            <time dateTime={toShanghaiIso(article.publishedAt)}>{formatChineseDateTime(article.publishedAt)}</time>
          </Link>
          {corrected && (
            <>
              {' '}
              · 更新于 <time dateTime={toShanghaiIso(corrected)}>{formatChineseDateTime(corrected)}</time>
            </>
          )}
        </p>
      )}
      {edition && (
        <p className="article__print">
          <Link href={readerPaths.printEdition(toShanghaiDate(edition))}>
            见报：{formatChineseDate(edition)}
            {article.print?.pageNumber ? ` 第${article.print.pageNumber}版` : ''}
            {article.print?.pageName ? ` ${article.print.pageName}` : ''}
          </Link>
        </p>
      )}
    </header>
  )
}
