import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { getArticleList, isListPage } from '@/reader/data/articles'
import { getRegionBySlug, type Region } from '@/reader/data/taxonomy'
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
  const found = await getRegionBySlug(decodeURIComponent(slug))
  if (!found) return null
  return { ...found, page, list: await getArticleList({ kind: 'regions', ids: found.ids }, page) }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await load(params)
  if (!found) return { title: '未找到地区' }
  const name = found.region.path || found.region.name
  return readerMetadata({
    title: found.page > 1 ? `${found.region.name} 第${found.page}页` : found.region.name,
    description: `${name}的新闻报道`,
    path: pagedPath(readerPaths.region(found.region.slug ?? ''), found.page),
  })
}

/** A region's page lists its own articles and those of every place beneath it. */
export default async function RegionPage({ params }: Props) {
  const found = await load(params)
  if (!found || (found.page > 1 && found.list.docs.length === 0)) notFound()
  const { region, children, page, list } = found
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
