import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { ArticleTeaser } from '@/reader/components/ArticleTeaser'
import { JsonLd } from '@/reader/components/JsonLd'
import { MostRead } from '@/reader/components/MostRead'
import { RegionDirectory } from '@/reader/components/RegionDirectory'
import { getArticleList, getFrontPage, isListPage } from '@/reader/data/articles'
import { getMostReadLists } from '@/reader/data/mostRead'
import { readerMetadata } from '@/reader/metadata'
import { webSiteJsonLd } from '@/reader/structuredData'
import { pagedPath, pageFromSegments, readerPaths } from '@/publishing/urls'

export const revalidate = 3600

/** Rendered on first request, then served from the cache until a change invalidates it. */
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ segments?: string[] }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = pageFromSegments((await params).segments)
  if (page === null) return { title: '页面不存在' }
  return readerMetadata({ title: page > 1 ? `最新报道 第${page}页` : undefined, path: pagedPath('/', page) })
}

/** `/` is the front page; `/page/N` continues its list of latest articles. */
export default async function FrontPage({ params }: Props) {
  const page = pageFromSegments((await params).segments)
  if (page === null || !isListPage(page)) notFound()
  if (page > 1) {
    const list = await getArticleList({ kind: 'latest' }, page)
    if (list.docs.length === 0) notFound()
    return (
      <section>
        <h1>最新报道 · 第{page}页</h1>
        <ArticleList articles={list.docs} basePath="/" page={page} totalPages={list.totalPages} />
      </section>
    )
  }
  const { lead, latest, hasMore, columns, regions } = await getFrontPage()
  return (
    <>
      <JsonLd data={webSiteJsonLd()} />
      <h1 className="visually-hidden">首页</h1>
      {!lead && <p className="empty">暂无已发布的稿件。</p>}
      {lead && (
        <section aria-labelledby="lead-heading" className="front__lead">
          <h2 id="lead-heading" className="section-heading">头条</h2>
          <ArticleTeaser article={lead} lead headingLevel={3} />
        </section>
      )}
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
      {columns.map(({ column, articles }) => (
        <section key={column.id} aria-labelledby={`column-${column.id}`} className="front__column">
          <h2 id={`column-${column.id}`} className="section-heading">
            <Link href={readerPaths.column(column.slug ?? '')}>专栏 · {column.name}</Link>
          </h2>
          <ArticleList articles={articles} basePath={readerPaths.column(column.slug ?? '')} page={1} totalPages={1} headingLevel={3} />
        </section>
      ))}
      <MostRead lists={await getMostReadLists()} />
      <RegionDirectory regions={regions} />
    </>
  )
}
