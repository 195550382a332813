import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleBody } from '@/reader/components/ArticleBody'
import { Bylines } from '@/reader/components/Bylines'
import { Corrections } from '@/reader/components/Corrections'
import { PhotoFigure } from '@/reader/components/PhotoFigure'
import { RetractionNotice } from '@/reader/components/RetractionNotice'
import { getArticleBySlug } from '@/reader/data/articles'
import { formatChineseDateTime, toShanghaiIso } from '@/newsroom/dates'
import { bylinesOf, columnLabelOf, photoOf } from '@/reader/presentation'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug((await params).slug)
  if (!article) return { title: '未找到稿件' }
  if (article.retraction?.retractedAt) return { title: `撤稿声明：${article.title}`, robots: { index: false } }
  return {
    title: article.seo?.title || article.title,
    description: article.seo?.description || article.summary || undefined,
    alternates: { canonical: `/articles/${article.slug}` },
  }
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticleBySlug((await params).slug)
  if (!article) notFound()
  if (article.retraction?.retractedAt) return <RetractionNotice article={article} />
  const lastCorrection = article.corrections?.at(-1)?.correctedAt
  const label = columnLabelOf(article)
  const bylines = bylinesOf(article)
  const trailing = article.bylinePosition === 'trailing'
  const leadPhoto = photoOf(article.leadPhoto)
  return (
    <article className="article">
      <header className="article__header">
        {label && <p className="column-label">{label}</p>}
        {article.kicker && <p className="kicker">{article.kicker}</p>}
        <h1 className="article__title">{article.title}</h1>
        {article.subtitle && <p className="subtitle">——{article.subtitle}</p>}
        {!trailing && <Bylines bylines={bylines} />}
        {article.publishedAt && (
          <p className="article__date">
            <time dateTime={toShanghaiIso(article.publishedAt)}>{formatChineseDateTime(article.publishedAt)}</time>
            {lastCorrection && (
              <>
                {' '}
                更新于 <time dateTime={toShanghaiIso(lastCorrection)}>{formatChineseDateTime(lastCorrection)}</time>
              </>
            )}
          </p>
        )}
      </header>
      {leadPhoto && <PhotoFigure photo={leadPhoto} priority />}
      {article.summary && <p className="standfirst">{article.summary}</p>}
      <ArticleBody body={article.body} />
      {trailing && <Bylines bylines={bylines} trailing />}
      <Corrections corrections={article.corrections} />
    </article>
  )
}
