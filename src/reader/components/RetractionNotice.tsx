import type { Article } from '@payload-types'
import { formatChineseDateTime, toShanghaiIso } from '@/newsroom/dates'
import { webHeadlineOf } from '@/newsroom/headlines'

/** What stands at a retracted article's URL: its headline and the editors' notice. */
export function RetractionNotice({ article }: { article: Article }) {
  const retractedAt = article.retraction?.retractedAt
  return (
    <article className="article article--retracted">
      <p className="retraction__label">撤稿声明</p>
      <h1 className="article__title">{webHeadlineOf(article)}</h1>
      <p className="retraction__notice">{article.retraction?.notice}</p>
      {retractedAt && (
        <p className="article__date">
          撤稿时间：<time dateTime={toShanghaiIso(retractedAt)}>{formatChineseDateTime(retractedAt)}</time>
        </p>
      )}
    </article>
  )
}
