import Link from 'next/link'

import type { Article, Region, Tag } from '@payload-types'
import { bylinesOf, populatedList, responsibleEditorOf, reviewSignersLine } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'
import { printsReviewSigners } from '@/reader/site'
import { Bylines } from './Bylines'

/**
 * After the text: a brief's trailing bylines, the 责任编辑 line Chinese news sites close an
 * article with (and the 三审 signers when the site prints them), then the subjects and places
 * to browse on from.
 */
export function ArticleFooter({ article }: { article: Article }) {
  const tags = populatedList<Tag>(article.tags)
  const regions = populatedList<Region>(article.regions)
  const responsibleEditor = responsibleEditorOf(article)
  const signers = printsReviewSigners() ? reviewSignersLine(article) : null
  return (
    <footer className="article__footer">
      {article.bylinePosition === 'trailing' && <Bylines bylines={bylinesOf(article)} trailing />}
      {responsibleEditor && <p className="article__editor">（责任编辑：{responsibleEditor}）</p>}
      {signers && <p className="article__signers">{signers}</p>}
      {(tags.length > 0 || regions.length > 0) && (
        <ul className="chips" aria-label="标签与地区">
          {regions.map((region) => (
            <li key={`region-${region.id}`}>
              <Link className="chip chip--region" href={readerPaths.region(region.slug ?? '')}>
                {region.name}
              </Link>
            </li>
          ))}
          {tags.map((tag) => (
            <li key={`tag-${tag.id}`}>
              <Link className="chip" href={readerPaths.tag(tag.slug ?? '')}>
                #{tag.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </footer>
  )
}
