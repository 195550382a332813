import type { Article } from '@payload-types'
import { ArticleTeaser } from './ArticleTeaser'
import { Pagination } from './Pagination'

type Props = {
  articles: Article[]
  basePath: string
  page: number
  totalPages: number
  emptyText?: string
  ordered?: boolean
  /** The heading level of each teaser, one below the list's own heading. */
  headingLevel?: 2 | 3
  headline?: 'web' | 'print'
}

export function ArticleList({ articles, basePath, page, totalPages, emptyText = '暂无已发布的稿件。', ordered = false, headingLevel = 2, headline = 'web' }: Props) {
  if (articles.length === 0) return <p className="empty">{emptyText}</p>
  const ListTag = ordered ? 'ol' : 'ul'
  return (
    <>
      <ListTag className="article-list">
        {articles.map((article) => (
          <li key={article.id}>
            <ArticleTeaser article={article} headingLevel={headingLevel} headline={headline} />
          </li>
        ))}
      </ListTag>
      <Pagination basePath={basePath} page={page} totalPages={totalPages} />
    </>
  )
}
