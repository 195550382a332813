import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleList } from '@/reader/components/ArticleList'
import { MostRead } from '@/reader/components/MostRead'
import { getChannelArticles, getChannelBySlug } from '@/reader/data/channels'
import { isListPage } from '@/reader/data/articles'
import { getMostReadLists } from '@/reader/data/mostRead'
import { readerMetadata } from '@/reader/metadata'
import { pagedPath, pageFromSegments, readerPaths } from '@/publishing/urls'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; segments?: string[] }> }

/** A channel and one page of its articles; null when either does not exist (past the last page is not a page). */
async function load(params: Props['params']) {
  const { slug: encoded, segments } = await params
  const page = pageFromSegments(segments)
  if (page === null || !isListPage(page)) return null
  const slug = decodeURIComponent(encoded)
  const [channel, list] = await Promise.all([getChannelBySlug(slug), getChannelArticles(slug, page)])
  if (!channel || !list || (page > 1 && list.docs.length === 0)) return null
  return { channel, page, list, slug }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await load(params)
  if (!loaded) return { title: '未找到频道' }
  const { channel, page } = loaded
  return readerMetadata({ title: page > 1 ? `${channel.name} 第${page}页` : channel.name, description: channel.description, path: pagedPath(readerPaths.channel(channel.slug ?? ''), page) })
}

export default async function ChannelPage({ params }: Props) {
  const loaded = await load(params)
  if (!loaded) notFound()
  const { channel, page, list, slug } = loaded
  const mostRead = page === 1 ? await getMostReadLists(10, slug) : null
  return (
    <section>
      <header className="archive-header">
        <h1>{page > 1 ? `${channel.name} · 第${page}页` : channel.name}</h1>
        {channel.description && <p>{channel.description}</p>}
      </header>
      <ArticleList articles={list.docs} basePath={readerPaths.channel(channel.slug ?? '')} page={page} totalPages={list.totalPages} emptyText="这个频道暂无已发布的稿件。" />
      {mostRead && <MostRead lists={mostRead} />}
    </section>
  )
}
