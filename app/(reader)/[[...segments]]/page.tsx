import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { FrontPageView } from '@/reader/components/FrontPageView'
import { JsonLd } from '@/reader/components/JsonLd'
import { getArticleList, isListPage } from '@/reader/data/articles'
import { getFrontPage } from '@/reader/data/frontPage'
import { getMostReadLists } from '@/reader/data/mostRead'
import { readerMetadata } from '@/reader/metadata'
import { webSiteJsonLd } from '@/reader/structuredData'
import { pagedPath, pageFromSegments } from '@/publishing/urls'

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
  return (
    <>
      <JsonLd data={webSiteJsonLd()} />
      <FrontPageView content={await getFrontPage()} mostRead={await getMostReadLists()} />
    </>
  )
}
