import Link from 'next/link'

import { pagedPath } from '@/publishing/urls'
import type { FrontPageContent } from '../data/frontPage'
import type { MostReadLists } from '../data/mostRead'
import { ArticleList } from './ArticleList'
import { ArticleTeaser } from './ArticleTeaser'
import { FocusRow } from './FocusRow'
import { FrontSections } from './FrontSections'

/**
 * The front page as a newspaper's: the 头条 with its photograph and the 焦点图 row beside the
 * latest list, then the editors' blocks. At 1280 px a grid of columns, on a phone one column in
 * the same order (reader.css, `.front`).
 */
export function FrontPageView({ content, mostRead }: { content: FrontPageContent; mostRead?: MostReadLists }) {
  const { lead, focus, latest, hasMore, sections } = content
  return (
    <div className="front">
      <h1 className="visually-hidden">首页</h1>
      {!lead && <p className="empty">暂无已发布的稿件。</p>}
      {lead && (
        <section aria-labelledby="lead-heading" className="front__lead">
          <h2 id="lead-heading" className="section-heading">头条</h2>
          <ArticleTeaser article={lead} lead headingLevel={3} />
        </section>
      )}
      <FocusRow articles={focus.filter((article) => article.id !== lead?.id)} />
      {latest.length > 0 && (
        <section aria-labelledby="latest-heading" className="front__latest">
          <h2 id="latest-heading" className="section-heading">最新报道</h2>
          <ArticleList articles={latest} basePath="/" page={1} totalPages={1} headingLevel={3} />
          {hasMore && (
            <p className="more">
              <Link href={pagedPath('/', 2)}>更多报道</Link>
            </p>
          )}
        </section>
      )}
      <FrontSections sections={sections} mostRead={mostRead} />
    </div>
  )
}
