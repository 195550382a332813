import Link from 'next/link'
import type React from 'react'

import type { Article } from '@payload-types'
import { webHeadlineOf } from '@/newsroom/headlines'
import { columnLabelOf } from '@/newsroom/presentation'
import { readerPaths } from '@/publishing/urls'
import type { FrontSection } from '../data/frontPage'
import type { MostReadLists } from '../data/mostRead'
import { MostRead } from './MostRead'
import { RegionDirectory } from './RegionDirectory'

/** A block's headlines: compact, as the blocks under a news site's lead are. */
function HeadlineList({ articles }: { articles: Article[] }) {
  return (
    <ul className="block__list">
      {articles.map((article) => {
        const label = columnLabelOf(article)
        return (
          <li key={article.id}>
            {label && <span className="column-label">{label} </span>}
            <Link href={readerPaths.article(article.slug ?? '')}>{webHeadlineOf(article)}</Link>
          </li>
        )
      })}
    </ul>
  )
}

function Block({ id, heading, href, children }: { id: string; heading: string; href?: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="block">
      <h2 id={id} className="section-heading">
        {href ? <Link href={href}>{heading}</Link> : heading}
      </h2>
      {children}
      {href && (
        <p className="more">
          {/* Described by the block's heading, not named after it: the heading's own link keeps its name to itself. */}
          <Link href={href} aria-describedby={id}>
            更多
          </Link>
        </p>
      )}
    </section>
  )
}

type Props = { sections: FrontSection[]; mostRead?: MostReadLists }

/** The front page's blocks in the editors' order: channels, columns, 热点排行, 专题, places. */
export function FrontSections({ sections, mostRead }: Props) {
  return (
    <div className="front__blocks">
      {sections.map((section) => {
        const id = `block-${section.key}`
        switch (section.kind) {
          case 'channel':
            return (
              <Block key={section.key} id={id} heading={section.channel.name} href={readerPaths.channel(section.channel.slug ?? '')}>
                <HeadlineList articles={section.articles} />
              </Block>
            )
          case 'column':
            return (
              <Block key={section.key} id={id} heading={`专栏 · ${section.column.name}`} href={readerPaths.column(section.column.slug ?? '')}>
                <HeadlineList articles={section.articles} />
              </Block>
            )
          case 'mostRead':
            // Nothing read yet (a new site, a quiet night): no empty box in the grid.
            return mostRead && Object.values(mostRead).some((articles) => articles.length > 0) ? (
              <div key={section.key} className="block">
                <MostRead lists={mostRead} />
              </div>
            ) : null
          case 'topics':
            return (
              <Block key={section.key} id={id} heading={section.title}>
                <ul className="block__topics">
                  {section.topics.map((topic) => (
                    <li key={topic.slug}>
                      <Link href={readerPaths.tag(topic.slug)}>{topic.title}</Link>
                    </li>
                  ))}
                </ul>
              </Block>
            )
          case 'regions':
            return (
              <div key={section.key} className="block block--wide">
                <RegionDirectory regions={section.regions} />
              </div>
            )
        }
      })}
    </div>
  )
}
