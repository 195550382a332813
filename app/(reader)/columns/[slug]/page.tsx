import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { formatChineseDate, toShanghaiIso } from '@/newsroom/dates'
import { ArticleTeaser } from '@/reader/components/ArticleTeaser'
import { getColumnPage } from '@/reader/data/columns'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getColumnPage((await params).slug)
  if (!page) return { title: '未找到专栏' }
  return { title: page.column.name, description: page.column.description ?? undefined, alternates: { canonical: `/columns/${page.column.slug}` } }
}

export default async function ColumnPage({ params }: Props) {
  const page = await getColumnPage((await params).slug)
  if (!page) notFound()
  const { column, articles, nextPlannedFor } = page
  return (
    <section className="column-page">
      <h1>{column.name}</h1>
      {column.description && <p className="column-page__description">{column.description}</p>}
      {nextPlannedFor && (
        <p className="column-page__next" data-testid="next-installment">
          下一期预计 <time dateTime={toShanghaiIso(nextPlannedFor)}>{formatChineseDate(nextPlannedFor)}</time> 刊发
        </p>
      )}
      {articles.length === 0 ? (
        <p className="empty">本专栏暂无已发布的文章。</p>
      ) : (
        <ol className="article-list">
          {articles.map((article) => (
            <li key={article.id}>
              <ArticleTeaser article={article} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
