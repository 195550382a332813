import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { ArticleContent } from '@/reader/components/ArticleContent'
import { LivePreviewRefresh } from '@/reader/components/LivePreviewRefresh'
import { getPreviewArticle } from '@/reader/data/preview'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '预览', robots: { index: false, follow: false } }

type Props = { params: Promise<{ id: string }> }

/** An editor's view of unpublished work, as readers would see it once published. */
export default async function ArticlePreviewPage({ params }: Props) {
  const article = await getPreviewArticle((await params).id, await headers())
  // Anonymous visitors and readers learn nothing, not even that the article exists.
  if (!article) notFound()
  return (
    <>
      <LivePreviewRefresh />
      <p className="preview-banner" role="status">
        预览：这是稿件的最新保存版本{article._status === 'published' ? '' : '，尚未发布'}，仅编辑部成员可见。
      </p>
      <ArticleContent article={article} />
    </>
  )
}
