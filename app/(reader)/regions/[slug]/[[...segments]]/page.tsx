import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { loadArchive } from '@/reader/data/archives'
import { getRegionBySlug, type Region } from '@/reader/data/taxonomy'
import { readerMetadata } from '@/reader/metadata'
import { pagedPath, readerPaths } from '@/publishing/urls'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; segments?: string[] }> }

async function load(params: Props['params']) {
  const { slug, segments } = await params
  return loadArchive(segments, () => getRegionBySlug(decodeURIComponent(slug)), (found) => ({ kind: 'regions', ids: found.ids, slug: found.region.slug ?? '' }))
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const archive = await load(params)
  if (!archive) return { title: '未找到地区' }
  const { subject, page } = archive
  return readerMetadata({
    title: page > 1 ? `${subject.region.name} 第${page}页` : subject.region.name,
    description: `${subject.region.path || subject.region.name}的新闻报道`,
    path: pagedPath(readerPaths.region(subject.region.slug ?? ''), page),
  })
}

/** A region's page lists its own articles and those of every place beneath it. */
export default async function RegionPage({ params }: Props) {
  const archive = await load(params)
  if (!archive) notFound()
  const { subject, page, list } = archive
  const { region, children } = subject
  const parent = region.parent && typeof region.parent === 'object' ? (region.parent as Region) : null
  return (
    <section>
      <header className="archive-header">
        {parent && (
          <p className="archive-header__meta">
            <Link href={readerPaths.region(parent.slug ?? '')}>{parent.name}</Link> ›
          </p>
        )}
        <h1>{region.name}</h1>
        {region.path && region.path !== region.name && <p className="archive-header__meta">{region.path}</p>}
        {children.length > 0 && (
          <ul className="chips" aria-label="下辖地区">
            {children.map((child) => (
              <li key={child.id}>
                <Link className="chip chip--region" href={readerPaths.region(child.slug ?? '')}>
                  {child.name}
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p className="archive-header__meta">共 {list.totalDocs} 篇报道</p>
      </header>
      <ArticleList articles={list.docs} basePath={readerPaths.region(region.slug ?? '')} page={page} totalPages={list.totalPages} emptyText="这个地区暂无已发布的稿件。" />
    </section>
  )
}
