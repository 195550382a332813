import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'

import { ArticleBody } from '@/reader/components/ArticleBody'
import { ArticleFooter } from '@/reader/components/ArticleFooter'
import { ArticleHeader } from '@/reader/components/ArticleHeader'
import { Corrections } from '@/reader/components/Corrections'
import { LivePreviewRefresh } from '@/reader/components/LivePreviewRefresh'
import { PhotoFigure } from '@/reader/components/PhotoFigure'
import { getPreviewArticle } from '@/reader/data/preview'
import { photoOf } from '@/reader/presentation'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = { title: '预览', robots: { index: false, follow: false } }

type Props = { params: Promise<{ id: string }> }

/** An editor's view of unpublished work, as readers would see it once published. */
export default async function ArticlePreviewPage({ params }: Props) {
  const article = await getPreviewArticle((await params).id, await headers())
  // Anonymous visitors and readers learn nothing, not even that the article exists.
  if (!article) notFound()
  const leadPhoto = photoOf(article.leadPhoto)
  return (
    <>
      <LivePreviewRefresh />
      <p className="preview-banner" role="status">
        预览：这是稿件的最新保存版本{article._status === 'published' ? '' : '，尚未发布'}，仅编辑部成员可见。
      </p>
      <article className="article">
        <ArticleHeader article={article} />
        {leadPhoto && <PhotoFigure photo={leadPhoto} priority />}
        {article.summary && <p className="standfirst">{article.summary}</p>}
        <ArticleBody body={article.body} />
        <ArticleFooter article={article} />
        <Corrections corrections={article.corrections} />
      </article>
    </>
  )
}
