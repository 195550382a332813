import type { Article } from '@payload-types'
import { photoOf } from '@/newsroom/presentation'
import { ArticleBody } from './ArticleBody'
import { ArticleFooter } from './ArticleFooter'
import { ArticleHeader } from './ArticleHeader'
import { Corrections } from './Corrections'
import { FontSizeSwitch } from './FontSizeSwitch'
import { PhotoFigure } from './PhotoFigure'

/** The article as readers see it, the same on its page and in an editor's preview. */
export function ArticleContent({ article }: { article: Article }) {
  const leadPhoto = photoOf(article.leadPhoto)
  return (
    <article className="article">
      <ArticleHeader article={article} />
      <FontSizeSwitch />
      {leadPhoto && <PhotoFigure photo={leadPhoto} priority />}
      {article.summary && <p className="standfirst">{article.summary}</p>}
      <ArticleBody body={article.body} />
      <ArticleFooter article={article} />
      <Corrections corrections={article.corrections} />
    </article>
  )
}
