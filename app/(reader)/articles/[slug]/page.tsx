import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ArticleContent } from '@/reader/components/ArticleContent'
import { ArticleShare, qrCodeSvg } from '@/reader/components/ArticleShare'
import { ArticleSurroundings } from '@/reader/components/ArticleSurroundings'
import { JsonLd } from '@/reader/components/JsonLd'
import { RetractionNotice } from '@/reader/components/RetractionNotice'
import { getArticleBySlug, getArticleSurroundings } from '@/reader/data/articles'
import { toShanghaiIso } from '@/newsroom/dates'
import { webHeadlineOf } from '@/newsroom/headlines'
import { readerMetadata } from '@/reader/metadata'
import { absoluteUrl } from '@/reader/site'
import { excerptOf } from '@/newsroom/plainText'
import { bylinesOf, columnLabelOf, columnOf, modifiedAtOf, sharePhotoOf } from '@/newsroom/presentation'
import { newsArticleJsonLd } from '@/reader/structuredData'
import { readerPaths } from '@/publishing/urls'
import { VIEW_SCRIPT_PATH } from '@/readerViews/paths'

export const revalidate = 3600

export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticleBySlug(decodeURIComponent((await params).slug))
  if (!article) return { title: '未找到稿件' }
  const path = readerPaths.article(article.slug ?? '')
  if (article.retraction?.retractedAt) return { ...readerMetadata({ title: `撤稿声明：${webHeadlineOf(article)}`, path, noindex: true }) }
  const column = columnOf(article)
  return readerMetadata({
    title: article.seo?.title || webHeadlineOf(article),
    description: article.seo?.description || excerptOf(article),
    path,
    feeds: column?.slug ? [{ title: column.name, rss: readerPaths.columnRss(column.slug), atom: readerPaths.columnAtom(column.slug) }] : [],
    ninjsPath: readerPaths.articleNinjs(article.slug ?? ''),
    image: sharePhotoOf(article),
    article: {
      publishedTime: article.publishedAt ? toShanghaiIso(article.publishedAt) : null,
      modifiedTime: toShanghaiIso(modifiedAtOf(article)),
      section: columnLabelOf(article) ?? article.print?.pageName ?? null,
      authors: bylinesOf(article).map((byline) => byline.name),
    },
  })
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticleBySlug(decodeURIComponent((await params).slug))
  if (!article) notFound()
  if (article.retraction?.retractedAt) return <RetractionNotice article={article} />
  const url = absoluteUrl(readerPaths.article(article.slug ?? ''))
  const [surroundings, qrSvg] = await Promise.all([getArticleSurroundings(article), qrCodeSvg(url)])
  return (
    <>
      <JsonLd data={newsArticleJsonLd(article)} />
      <ArticleContent article={article} />
      <ArticleShare url={url} qrSvg={qrSvg} />
      <ArticleSurroundings {...surroundings} column={columnOf(article)} />
      {/* The view (阅读量) is counted from the reader's browser, since the page comes from a cache; a retraction notice counts nothing.
          React loads an async script once per document, in-page navigation included; the script counts each marker it finds. */}
      <span hidden data-article-view={article.slug ?? ''} />
      <script async src={VIEW_SCRIPT_PATH} />
    </>
  )
}
