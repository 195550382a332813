import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { formatChineseDate, formatChineseWeekday, shanghaiNoon } from '@/newsroom/dates'
import { ArticleList } from '@/reader/components/ArticleList'
import { getArticleList, getHasPrintEdition, isCalendarDate, isListPage } from '@/reader/data/articles'
import { readerMetadata } from '@/reader/metadata'
import { adjacentDay, pagedPath, pageFromSegments, readerPaths } from '@/publishing/urls'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ date: string; segments?: string[] }> }

async function load(params: Props['params']) {
  const { date, segments } = await params
  const page = pageFromSegments(segments)
  if (page === null || !isListPage(page) || !isCalendarDate(date)) return null
  const [list, hasPrint] = await Promise.all([getArticleList({ kind: 'day', date }, page), getHasPrintEdition(date)])
  return { date, page, list, hasPrint }
}

const dayLabel = (date: string) => formatChineseDate(shanghaiNoon(date))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params)
  if (!found) return { title: '日期无效' }
  const title = `${dayLabel(found.date)}的报道${found.page > 1 ? ` 第${found.page}页` : ''}`
  return readerMetadata({ title, path: pagedPath(readerPaths.archive(found.date), found.page), noindex: found.list.totalDocs === 0 })
}

/** Everything published on one Beijing calendar day. */
export default async function DayArchivePage({ params }: Props) {
  const found = await load(params)
  if (!found || (found.page > 1 && found.list.docs.length === 0)) notFound()
  const { date, page, list, hasPrint } = found
  return (
    <section>
      <header className="archive-header">
        <h1>
          {dayLabel(date)} {formatChineseWeekday(shanghaiNoon(date))}
        </h1>
        <p className="archive-header__meta">共 {list.totalDocs} 篇报道</p>
        {hasPrint && (
          <p>
            <Link href={readerPaths.printEdition(date)}>按版面阅读当日报纸</Link>
          </p>
        )}
        <nav className="day-nav" aria-label="按日期浏览">
          <Link href={readerPaths.archive(adjacentDay(date, -1))} rel="prev">
            前一天
          </Link>
          <Link href={readerPaths.archive(adjacentDay(date, 1))} rel="next">
            后一天
          </Link>
        </nav>
      </header>
      <ArticleList articles={list.docs} basePath={readerPaths.archive(date)} page={page} totalPages={list.totalPages} emptyText="这一天没有发布的稿件。" />
    </section>
  )
}
