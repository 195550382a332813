import Link from 'next/link'

import { formatChineseDate, toShanghaiIso } from '@/newsroom/dates'
import type { SearchHit } from '@/search/query'
import { readerPaths } from '@/publishing/urls'

/** A snippet with the query's words marked; the text is rendered as text, never as HTML. */
export function HighlightedText({ text, spans }: { text: string; spans: [number, number][] }) {
  const parts: React.ReactNode[] = []
  let at = 0
  for (const [start, end] of spans) {
    if (start > at) parts.push(text.slice(at, start))
    parts.push(<mark key={start}>{text.slice(start, end)}</mark>)
    at = end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}

export function SearchResultList({ hits }: { hits: SearchHit[] }) {
  return (
    <ol className="search-results">
      {hits.map((hit) => (
        <li key={String(hit.id)} className="teaser">
          <h2 className="teaser__title">
            <Link href={readerPaths.article(hit.slug)}>{hit.title}</Link>
          </h2>
          {hit.publishedAt && (
            <p className="teaser__meta">
              <time dateTime={toShanghaiIso(hit.publishedAt)}>{formatChineseDate(hit.publishedAt)}</time>
            </p>
          )}
          <p className="search-results__snippet">
            <HighlightedText text={hit.snippet} spans={hit.highlights} />
          </p>
        </li>
      ))}
    </ol>
  )
}
