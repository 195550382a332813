import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { formatChineseDate, toShanghaiIso } from '@/newsroom/dates'
import { ArticleList } from '@/reader/components/ArticleList'
import { ResponsiveImage } from '@/reader/components/ResponsiveImage'
import { isListPage } from '@/reader/data/articles'
import { getColumnPage } from '@/reader/data/taxonomy'
import { readerMetadata } from '@/reader/metadata'
import { photoOf } from '@/newsroom/presentation'
import { pagedPath, pageFromSegments, readerPaths } from '@/publishing/urls'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; segments?: string[] }> }

async function load(params: Props['params']) {
  const { slug, segments } = await params
  const page = pageFromSegments(segments)
  if (page === null || !isListPage(page)) return null
  const column = await getColumnPage(decodeURIComponent(slug), page)
  return column ? { ...column, page } : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params)
  if (!found) return { title: '未找到专栏' }
  const slug = found.column.slug ?? ''
  return readerMetadata({
    title: found.page > 1 ? `${found.column.name} 第${found.page}页` : found.column.name,
    description: found.column.description,
    path: pagedPath(readerPaths.column(slug), found.page),
    feeds: [{ title: found.column.name, rss: readerPaths.columnRss(slug), atom: readerPaths.columnAtom(slug) }],
    image: photoOf(found.column.logo),
  })
}

export default async function ColumnPage({ params }: Props) {
  const found = await load(params)
  if (!found || (found.page > 1 && found.articles.docs.length === 0)) notFound()
  const { column, articles, nextPlannedFor, page } = found
  const logo = photoOf(column.logo)
  return (
    <section className="column-page">
      <header className="column-page__header">
        {logo && <ResponsiveImage className="column-page__logo" photo={logo} sizes="6rem" />}
        <h1>专栏 · {column.name}</h1>
        {column.description && <p className="column-page__description">{column.description}</p>}
        {nextPlannedFor && (
          <p className="column-page__next" data-testid="next-installment">
            下一期预计 <time dateTime={toShanghaiIso(nextPlannedFor)}>{formatChineseDate(nextPlannedFor)}</time> 刊发
          </p>
        )}
        <p className="feed-links">
          订阅本专栏：<a href={readerPaths.columnRss(column.slug ?? '')}>RSS</a> · <a href={readerPaths.columnAtom(column.slug ?? '')}>Atom</a>
        </p>
      </header>
      <ArticleList
        articles={articles.docs}
        basePath={readerPaths.column(column.slug ?? '')}
        page={page}
        totalPages={articles.totalPages}
        emptyText="本专栏暂无已发布的文章。"
        ordered
      />
    </section>
  )
}
