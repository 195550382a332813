import type { Metadata } from 'next'
import Link from 'next/link'

import { ArticleTeaser } from '@/reader/components/ArticleTeaser'
import { getLatestArticles } from '@/reader/data/articles'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { alternates: { canonical: '/' } }

type Props = { searchParams: Promise<{ page?: string }> }

export default async function HomePage({ searchParams }: Props) {
  const requested = Number((await searchParams).page ?? '1')
  const page = Number.isInteger(requested) && requested > 0 ? requested : 1
  const { docs, totalPages } = await getLatestArticles(page)
  const [lead, ...rest] = page === 1 ? docs : [undefined, ...docs]
  return (
    <>
      <h1 className="visually-hidden">最新报道</h1>
      {docs.length === 0 && <p className="empty">暂无已发布的稿件。</p>}
      {lead && <ArticleTeaser article={lead} lead />}
      <ul className="article-list">
        {rest.map((article) =>
          article ? (
            <li key={article.id}>
              <ArticleTeaser article={article} />
            </li>
          ) : null,
        )}
      </ul>
      {totalPages > 1 && (
        <nav className="pagination" aria-label="分页">
          {page > 1 && <Link href={page === 2 ? '/' : `/?page=${page - 1}`}>上一页</Link>}
          <span>
            第 {page} / {totalPages} 页
          </span>
          {page < totalPages && <Link href={`/?page=${page + 1}`}>下一页</Link>}
        </nav>
      )}
    </>
  )
}
