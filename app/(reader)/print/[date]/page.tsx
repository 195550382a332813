import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { formatChineseDate, formatChineseWeekday, shanghaiNoon } from '@/newsroom/dates'
import { ArticleList } from '@/reader/components/ArticleList'
import { getPrintEdition, isCalendarDate } from '@/reader/data/articles'
import { readerMetadata } from '@/reader/metadata'
import { readerPaths } from '@/publishing/urls'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ date: string }> }

const dayLabel = (date: string) => formatChineseDate(shanghaiNoon(date))

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { date } = await params
  if (!isCalendarDate(date)) return { title: '日期无效' }
  return readerMetadata({ title: `${dayLabel(date)} 数字报`, path: readerPaths.printEdition(date) })
}

/** A day's paper page by page (版次/版名), for readers who want the edition as printed. */
export default async function PrintEditionPage({ params }: Props) {
  const { date } = await params
  if (!isCalendarDate(date)) notFound()
  const pages = await getPrintEdition(date)
  if (pages.length === 0) notFound()
  return (
    <section className="print-edition">
      <header className="archive-header">
        <h1>
          {dayLabel(date)} {formatChineseWeekday(shanghaiNoon(date))} 数字报
        </h1>
        <p className="archive-header__meta">
          共 {pages.length} 个版面 · <Link href={readerPaths.archive(date)}>当日全部报道</Link>
        </p>
        <nav aria-label="版面目录">
          <ol className="print-edition__index">
            {pages.map((page, index) => (
              <li key={index}>
                <a href={`#page-${index + 1}`}>{printPageName(page)}</a>
              </li>
            ))}
          </ol>
        </nav>
      </header>
      {pages.map((page, index) => (
        <section key={index} id={`page-${index + 1}`} aria-labelledby={`page-heading-${index + 1}`} className="print-edition__page">
          <h2 id={`page-heading-${index + 1}`} className="section-heading">
            {printPageName(page)}
          </h2>
          <ArticleList articles={page.articles} basePath={readerPaths.printEdition(date)} page={1} totalPages={1} headingLevel={3} headline="print" />
        </section>
      ))}
    </section>
  )
}

function printPageName(page: { pageNumber: number | null; pageName: string | null }): string {
  return [page.pageNumber ? `第${page.pageNumber}版` : null, page.pageName].filter(Boolean).join(' ') || '未标版面'
}
