import Link from 'next/link'

import type { Article } from '@payload-types'
import { printedDeck } from '@/newsroom/deck'
import { formatChineseDate, formatChineseDateTime, toShanghaiDate, toShanghaiIso } from '@/newsroom/dates'
import { webTitleOf } from '@/newsroom/headlines'
import { outletLine } from '@/newsroom/outlet'
import { bylinesOf, columnLabelOf, columnOf, lastCorrectedAt } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'
import { Bylines } from './Bylines'

/**
 * The headline the paper printed (报题), kept visible under the print-edition line when the
 * site leads with a web headline: readers who saw the page find the story they read.
 */
function PrintHeadline({ article }: { article: Article }) {
  const deck = printedDeck(article.subtitle)
  return (
    <div className="print-headline">
      <p className="print-headline__label">报纸标题</p>
      {article.kicker && <p className="kicker">{article.kicker}</p>}
      <p className="print-headline__title">{article.title}</p>
      {deck && <p className="subtitle">{deck}</p>}
    </div>
  )
}

/**
 * Headline block: column label, the headline (the 网题 when the desk wrote one, else the
 * printed 引题, 主题, 副题), bylines, dates and 来源, the print edition and then the print headline.
 */
export function ArticleHeader({ article }: { article: Article }) {
  const webTitle = webTitleOf(article)
  const label = columnLabelOf(article)
  const column = columnOf(article)
  const corrected = lastCorrectedAt(article)
  const edition = article.print?.editionDate
  const deck = printedDeck(article.subtitle)
  const outlet = outletLine(article)
  return (
    <header className="article__header">
      {label && <p className="column-label">{column?.slug ? <Link href={readerPaths.column(column.slug)}>{label}</Link> : label}</p>}
      {webTitle ? (
        <h1 className="article__title">{webTitle}</h1>
      ) : (
        <>
          {article.kicker && <p className="kicker">{article.kicker}</p>}
          <h1 className="article__title">{article.title}</h1>
          {deck && <p className="subtitle">{deck}</p>}
        </>
      )}
      {article.bylinePosition !== 'trailing' && <Bylines bylines={bylinesOf(article)} />}
      {(article.publishedAt || outlet) && (
        <p className="article__date">
          {article.publishedAt && (
            <Link href={readerPaths.archive(toShanghaiDate(article.publishedAt))}>
              <time dateTime={toShanghaiIso(article.publishedAt)}>{formatChineseDateTime(article.publishedAt)}</time>
            </Link>
          )}
          {corrected && (
            <>
              {' '}
              · 更新于 <time dateTime={toShanghaiIso(corrected)}>{formatChineseDateTime(corrected)}</time>
            </>
          )}
          {/* Set off by an ideographic space, as Chinese news sites print `2026年12月6日 09:30\u3000来源：新华社`. */}
          {outlet && <span className="article__outlet">{article.publishedAt ? '\u3000' : ''}{outlet}</span>}
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
      {webTitle && <PrintHeadline article={article} />}
    </header>
  )
}
