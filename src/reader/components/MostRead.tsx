import Link from 'next/link'

import type { Article } from '@payload-types'
import { webHeadlineOf } from '@/newsroom/headlines'
import { readerPaths } from '@/publishing/urls'
import type { MostReadLists, MostReadWindow } from '@/reader/data/mostRead'

const WINDOW_LABELS: Record<MostReadWindow, string> = { '24h': '24小时', '7d': '7天' }

/**
 * 热点排行: the most read articles of the last 24 hours and of the last 7 days, as two headed
 * ordered lists side by side (one under the other on a phone). No tabs: nothing here needs a script.
 * Nothing is shown until something has been read. Rendered synchronously from what the page read
 * (getMostReadLists), so every renderer can render the page, not only React Server Components.
 */
export function MostRead({ lists: byWindow }: { lists: MostReadLists }) {
  const lists = (['24h', '7d'] as const).map((window) => ({ window, articles: byWindow[window] }))
  if (lists.every((list) => list.articles.length === 0)) return null
  return (
    <section className="most-read" aria-labelledby="most-read-heading">
      <h2 id="most-read-heading" className="section-heading">热点排行</h2>
      <div className="most-read__lists">
        {lists.map(({ window, articles }) => (
          <MostReadList key={window} window={window} articles={articles} />
        ))}
      </div>
    </section>
  )
}

function MostReadList({ window, articles }: { window: MostReadWindow; articles: Article[] }) {
  const id = `most-read-${window}`
  return (
    <div className="most-read__list" data-window={window}>
      <h3 id={id}>{WINDOW_LABELS[window]}</h3>
      {articles.length === 0 ? (
        <p className="empty">暂无。</p>
      ) : (
        <ol aria-labelledby={id}>
          {articles.map((article) => (
            <li key={article.id}>
              <Link href={readerPaths.article(article.slug ?? '')}>{webHeadlineOf(article)}</Link>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
