import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { loadArchive } from '@/reader/data/archives'
import { getBylineBySlug } from '@/reader/data/taxonomy'
import { readerMetadata } from '@/reader/metadata'
import { pagedPath, readerPaths } from '@/publishing/urls'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; segments?: string[] }> }

async function load(params: Props['params']) {
  const { slug, segments } = await params
  return loadArchive(segments, () => getBylineBySlug(decodeURIComponent(slug)), (byline) => ({ kind: 'byline', id: byline.id, slug: byline.slug ?? '' }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const archive = await load(params)
  if (!archive) return { title: '未找到作者' }
  const { subject: byline, page } = archive
  const title = page > 1 ? `${byline.name}的报道 第${page}页` : `${byline.name}的报道`
  return readerMetadata({ title, description: byline.bio, path: pagedPath(readerPaths.byline(byline.slug ?? ''), page) })
}

/** A person's or an organisation's archive: everything published under the name. */
export default async function BylinePage({ params }: Props) {
  const archive = await load(params)
  if (!archive) notFound()
  const { subject: byline, page, list } = archive
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
