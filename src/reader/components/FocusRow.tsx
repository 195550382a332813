import Link from 'next/link'

import type { Article } from '@payload-types'
import { webHeadlineOf } from '@/newsroom/headlines'
import { sharePhotoOf } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'
import { ResponsiveImage } from './ResponsiveImage'

/**
 * 焦点图: the stories with photographs as one row readers scroll through themselves. Nothing
 * moves on its own (no carousel, so nothing for reduced-motion readers to stop), and the row is
 * a focusable region, so the keyboard scrolls it with the arrow keys and tabs through its links.
 */
export function FocusRow({ articles }: { articles: Article[] }) {
  const shown = articles.flatMap((article) => {
    const photo = sharePhotoOf(article)
    return photo ? [{ article, photo }] : []
  })
  if (shown.length === 0) return null
  return (
    <section aria-labelledby="focus-heading" className="front__focus">
      <h2 id="focus-heading" className="section-heading">焦点图</h2>
      <div className="focus" role="region" aria-label="焦点图，可左右滚动" tabIndex={0}>
        <ul className="focus__row">
          {shown.map(({ article, photo }) => (
            <li key={article.id} className="focus__item">
              <Link href={readerPaths.article(article.slug ?? '')} className="focus__link">
                <ResponsiveImage className="focus__photo" photo={{ ...photo, alt: '' }} sizes="(min-width: 64rem) 20rem, 80vw" />
                <span className="focus__title">{webHeadlineOf(article)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}
