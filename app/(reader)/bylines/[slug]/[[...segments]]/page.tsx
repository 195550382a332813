import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { getArticleList, isListPage } from '@/reader/data/articles'
import { getBylineBySlug } from '@/reader/data/taxonomy'
import { readerMetadata } from '@/reader/metadata'
import { pagedPath, pageFromSegments, readerPaths } from '@/reader/urls'

export const revalidate = 300

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; segments?: string[] }> }

async function load(params: Props['params']) {
  const { slug, segments } = await params
  const page = pageFromSegments(segments)
  if (page === null || !isListPage(page)) return null
  const byline = await getBylineBySlug(decodeURIComponent(slug))
  if (!byline) return null
  return { byline, page, list: await getArticleList({ kind: 'byline', id: byline.id }, page) }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params)
  if (!found) return { title: '未找到作者' }
  const title = found.page > 1 ? `${found.byline.name}的报道 第${found.page}页` : `${found.byline.name}的报道`
  return readerMetadata({ title, description: found.byline.bio, path: pagedPath(readerPaths.byline(found.byline.slug ?? ''), found.page) })
}

export default async function BylinePage({ params }: Props) {
  const found = await load(params)
  if (!found || (found.page > 1 && found.list.docs.length === 0)) notFound()
  const { byline, page, list } = found
  return (
    <section>
      <header className="archive-header">
        <h1>{byline.name}</h1>
        {byline.organisation && <p className="archive-header__meta">{byline.organisation}</p>}
        {byline.bio && <p>{byline.bio}</p>}
        <p className="archive-header__meta">共 {list.totalDocs} 篇报道</p>
      </header>
      <ArticleList articles={list.docs} basePath={readerPaths.byline(byline.slug ?? '')} page={page} totalPages={list.totalPages} emptyText="暂无署名的已发布稿件。" />
    </section>
  )
}
