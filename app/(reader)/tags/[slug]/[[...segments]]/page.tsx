import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { getArticleList, isListPage } from '@/reader/data/articles'
import { getTagBySlug } from '@/reader/data/taxonomy'
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
  const tag = await getTagBySlug(decodeURIComponent(slug))
  if (!tag) return null
  return { tag, page, list: await getArticleList({ kind: 'tag', id: tag.id }, page) }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params)
  if (!found) return { title: '未找到标签' }
  const title = found.page > 1 ? `#${found.tag.name} 第${found.page}页` : `#${found.tag.name}`
  return readerMetadata({ title, description: found.tag.description, path: pagedPath(readerPaths.tag(found.tag.slug ?? ''), found.page) })
}

export default async function TagPage({ params }: Props) {
  const found = await load(params)
  if (!found || (found.page > 1 && found.list.docs.length === 0)) notFound()
  const { tag, page, list } = found
  return (
    <section>
      <header className="archive-header">
        <h1>#{tag.name}</h1>
        {tag.description && <p>{tag.description}</p>}
        <p className="archive-header__meta">共 {list.totalDocs} 篇报道</p>
      </header>
      <ArticleList articles={list.docs} basePath={readerPaths.tag(tag.slug ?? '')} page={page} totalPages={list.totalPages} emptyText="这个标签下暂无已发布的稿件。" />
    </section>
  )
}
