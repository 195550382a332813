import { renderToStaticMarkup } from 'react-dom/server'

import type { Article } from '@payload-types'
import { indexedArticleOf } from '@/search/document'
import { ArticleHeader } from '@/reader/components/ArticleHeader'
import { ArticleTeaser } from '@/reader/components/ArticleTeaser'
import { renderFeed } from '@/reader/feeds/feeds'
import { excerptOf } from '@/newsroom/plainText'
import { newsArticleJsonLd } from '@/reader/structuredData'
import { toNinjs } from '@/reader/syndication/ninjs'
import { ninjsSchemaErrors } from '../../helpers/ninjs'

process.env.SITE_URL = 'https://news.example.cn'

const WEB = '郴州盘活国有“三资”：闲置资产变发展资本'
const PRINT = { kicker: '党建引领', title: '“红色引擎”激发多元共治新活力', subtitle: '郴州市盘活国有“三资”的探索实践' }

const article = (overrides: Partial<Article> = {}): Article => ({
  id: 7,
  ...PRINT,
  webTitle: WEB,
  slug: 'hong-se-yin-qing',
  summary: '郴州市探索国有资产盘活新路径。',
  print: { editionDate: '2026-12-04T16:00:00.000Z', pageNumber: 3, pageName: '城市新闻' },
  publishedAt: '2026-12-05T01:00:00.000Z',
  _status: 'published',
  createdAt: '2026-12-05T00:00:00.000Z',
  updatedAt: '2026-12-05T01:00:00.000Z',
  ...overrides,
})

const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/&quot;/g, '"')

describe('the article page headline', () => {
  it('leads with the web headline as h1 and keeps the print headline, after the print-edition line', () => {
    const html = renderToStaticMarkup(<ArticleHeader article={article()} />)
    expect(html).toContain(`<h1 class="article__title">${WEB}</h1>`)
    const plain = text(html)
    const edition = plain.indexOf('见报：2026年12月5日 第3版 城市新闻')
    const printed = plain.indexOf('报纸标题')
    expect(edition).toBeGreaterThan(-1)
    expect(printed).toBeGreaterThan(edition)
    expect(plain.slice(printed)).toMatch(/党建引领\|+“红色引擎”激发多元共治新活力\|+——郴州市盘活国有“三资”的探索实践/)
  })

  it('prints the triad as the headline, and no second headline, when there is no web headline', () => {
    const html = renderToStaticMarkup(<ArticleHeader article={article({ webTitle: '  ' })} />)
    expect(html).toContain(`<h1 class="article__title">${PRINT.title}</h1>`)
    expect(html).toContain('<p class="kicker">党建引领</p>')
    expect(html).not.toContain('报纸标题')
  })
})

describe('lists', () => {
  it('show the web headline on the site and the print headline in the 数字报', () => {
    const site = text(renderToStaticMarkup(<ArticleTeaser article={article()} />))
    expect(site).toContain(WEB)
    expect(site).not.toContain(PRINT.title)
    const printEdition = text(renderToStaticMarkup(<ArticleTeaser article={article()} headline="print" />))
    expect(printEdition).toContain(PRINT.title)
    expect(printEdition).toContain('党建引领')
    expect(printEdition).not.toContain(WEB)
  })
})

describe('what leaves the site', () => {
  it('gives search engines the web headline, with the print headline as the alternative', () => {
    const jsonLd = newsArticleJsonLd(article())
    expect(jsonLd.headline).toBe(WEB)
    expect(jsonLd.alternativeHeadline).toBe('党建引领 “红色引擎”激发多元共治新活力 ——郴州市盘活国有“三资”的探索实践')
    expect(newsArticleJsonLd(article({ webTitle: null })).headline).toBe(PRINT.title)
  })

  it('titles feed items with the web headline', () => {
    const rss = renderFeed('rss', { title: '测试', description: '测试', path: '/', rssPath: '/rss.xml', atomPath: '/atom.xml' }, [article()])
    expect(rss).toContain(`<title><![CDATA[${WEB}]]></title>`)
    expect(rss).not.toContain(`<title><![CDATA[${PRINT.title}]]></title>`)
  })

  it('syndicates the web headline as main and the printed one as print, in valid ninjs', () => {
    const item = toNinjs(article())
    expect(ninjsSchemaErrors(item)).toEqual([])
    expect(item.headlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'main', value: WEB }),
        expect.objectContaining({ role: 'print', value: PRINT.title }),
        expect.objectContaining({ role: 'kicker', value: PRINT.kicker }),
      ]),
    )
    expect(toNinjs(article({ webTitle: null })).headlines?.some((headline) => headline.role === 'print')).toBe(false)
  })

  it('falls back to the web headline for an excerpt with nothing else', () => {
    expect(excerptOf({ ...article(), summary: null, subtitle: null, body: null })).toBe(WEB)
  })
})

describe('search', () => {
  it('finds the article by either headline and shows the web one in results', () => {
    const indexed = indexedArticleOf(article(), ['public'])
    expect(indexed.title).toBe(WEB)
    expect(indexed.fields.title).toEqual(indexedArticleOf(article({ title: `${PRINT.title}\n${WEB}`, webTitle: null }), ['public']).fields.title)
    expect(indexed.text).toContain(WEB)
  })
})
