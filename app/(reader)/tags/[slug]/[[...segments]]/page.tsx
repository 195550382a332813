import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { loadArchive } from '@/reader/data/archives'
import { getTagBySlug } from '@/reader/data/taxonomy'
import { readerMetadata } from '@/reader/metadata'
import { pagedPath, readerPaths } from '@/publishing/urls'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; segments?: string[] }> }

async function load(params: Props['params']) {
  const { slug, segments } = await params
  return loadArchive(segments, () => getTagBySlug(decodeURIComponent(slug)), (tag) => ({ kind: 'tag', id: tag.id, slug: tag.slug ?? '' }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const archive = await load(params)
  if (!archive) return { title: '未找到标签' }
  const { subject: tag, page } = archive
  return readerMetadata({ title: page > 1 ? `#${tag.name} 第${page}页` : `#${tag.name}`, description: tag.description, path: pagedPath(readerPaths.tag(tag.slug ?? ''), page) })
}

export default async function TagPage({ params }: Props) {
  const archive = await load(params)
  if (!archive) notFound()
  const { subject: tag, page, list } = archive
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
