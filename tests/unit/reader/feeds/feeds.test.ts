import type { Article, Byline, Column, Photo, Tag } from '@payload-types'
import { renderFeed, type FeedChannel } from '@/reader/feeds/feeds'
import { el, expectWellFormed, RFC_3339, RFC_822, xpath } from '../../../helpers/xml'

process.env.SITE_URL = 'https://news.example.cn'

const ORIGIN = 'https://news.example.cn'

const decodeHtml = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

const stamp = { createdAt: '2026-11-20T02:00:00.000Z', updatedAt: '2026-11-20T02:00:00.000Z' }

const column: Column = {
  id: 1, name: '善治天心', slug: 'shan-zhi-tian-xin', numberingStyle: 'circled', partSeparator: 'middleDot', cadence: 'weekly', ...stamp,
}
const zhang: Byline = { id: 1, name: '张福芳', slug: 'zhang-fu-fang', kind: 'staff', ...stamp }
const tags: Tag[] = [
  { id: 1, name: '基层治理', slug: 'ji-ceng-zhi-li', ...stamp },
  { id: 2, name: '党建引领', slug: 'dang-jian-yin-ling', ...stamp },
]
const photo = (card: NonNullable<Photo['sizes']>['card']): Photo => ({ id: 1, alt: '村民议事会现场', sizes: { card }, ...stamp })

const paragraph = (text: string) => ({
  type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0,
  children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
})
const body = (...texts: string[]): Article['body'] => ({
  root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: texts.map(paragraph) },
})

const columnArticle: Article = {
  id: 11,
  title: '党建引领基层治理提质增效',
  slug: 'dang-jian-yin-ling-ji-ceng-zhi-li',
  summary: '桂阳县以党建为引领，推动村级议事协商常态化。',
  column,
  installment: { number: 2 },
  bylines: [{ byline: zhang, role: 'byline' }],
  tags,
  leadPhoto: photo({ url: '/api/photos/file/a-800.webp', width: 800, height: 450 }),
  publishedAt: '2026-11-22T13:00:00.000Z',
  corrections: [
    { correctedAt: '2026-11-23T01:00:00.000Z', note: '更正一处村名。' },
    { correctedAt: '2026-11-23T04:30:00.000Z', note: '更正一处数字。' },
  ],
  createdAt: '2026-11-21T09:00:00.000Z',
  updatedAt: '2026-11-24T08:00:00.000Z',
}

const escapingTitle = '营商环境“好差评”：A&B两县满意度<90%的原因'
const escapingArticle: Article = {
  id: 12,
  title: escapingTitle,
  slug: 'ying-shang-huan-jing',
  summary: '调查显示，满意度 <90% 的县区集中在“审批&监管”环节。',
  bylines: [
    { byline: { ...zhang, id: 2, name: '李重臣', slug: 'li-zhong-chen' }, role: 'staffReporter' },
    { byline: { ...zhang, id: 3, name: '杜鸿飞', slug: 'du-hong-fei' }, role: 'staffReporter' },
    { byline: 4, role: 'correspondent' }, // not populated: left out rather than printed as an id
  ],
  leadPhoto: photo({ url: '/api/photos/file/b-800.webp', width: 800, height: 450, mimeType: 'image/webp', filesize: 48213 }),
  publishedAt: '2026-11-21T00:30:00.000Z',
  createdAt: '2026-11-20T09:00:00.000Z',
  updatedAt: '2026-11-21T00:30:00.000Z',
}

const opening = '十一月的湘南，' + '稻田里已是一片金黄。'.repeat(20)
const bodyOnlyArticle: Article = {
  id: 13,
  title: '秋收时节访田间',
  slug: 'qiu-shou-shi-jie',
  column: 7, // not populated: no label
  body: body(opening, '第二段不应出现在摘要里。'),
  publishedAt: '2026-11-20T04:00:00.000Z',
  createdAt: '2026-11-20T03:00:00.000Z',
  updatedAt: '2026-11-20T04:00:00.000Z',
}

const articles = [columnArticle, escapingArticle, bodyOnlyArticle]
const channel: FeedChannel = {
  title: '善治天心',
  description: '基层治理专栏',
  path: '/columns/shan-zhi-tian-xin',
  rssPath: '/columns/shan-zhi-tian-xin/rss.xml',
  atomPath: '/columns/shan-zhi-tian-xin/atom.xml',
}

const item = (n: number, child: string) => `/rss/channel/item[${n}]/${child}`
const entry = (n: number, child: string) => `/${el('feed')}/${el('entry')}[${n}]/${child}`

describe('renderFeed — RSS 2.0', () => {
  const rss = renderFeed('rss', channel, articles)

  it('produces a well-formed RSS 2.0 document', async () => {
    await expectWellFormed(rss)
    expect(xpath(rss, 'string(/rss/@version)')).toBe('2.0')
    expect(xpath(rss, 'count(/rss/channel/item)')).toBe('3')
  })

  it('links the channel to its page and to itself with absolute URLs', () => {
    expect(xpath(rss, 'string(/rss/channel/link)')).toBe(`${ORIGIN}/columns/shan-zhi-tian-xin`)
    const self = `/rss/channel/*[local-name()='link' and namespace-uri()='http://www.w3.org/2005/Atom']`
    expect(xpath(rss, `string(${self}/@rel)`)).toBe('self')
    expect(xpath(rss, `string(${self}/@type)`)).toBe('application/rss+xml')
    expect(xpath(rss, `string(${self}/@href)`)).toBe(`${ORIGIN}/columns/shan-zhi-tian-xin/rss.xml`)
  })

  it('declares the language, copyright and logo, and names no generator', () => {
    expect(xpath(rss, 'string(/rss/channel/language)')).toBe('zh-CN')
    expect(xpath(rss, 'string(/rss/channel/copyright)')).toBe('© 本报新闻网')
    expect(xpath(rss, 'string(/rss/channel/image/url)')).toBe(`${ORIGIN}/logo.png`)
    expect(xpath(rss, 'count(/rss/channel/generator)')).toBe('0')
  })

  it('gives every item an absolute link, a permalink guid equal to it, and a description', () => {
    for (const [n, article] of articles.entries()) {
      const link = `${ORIGIN}/articles/${article.slug}`
      expect(xpath(rss, `string(${item(n + 1, 'link')})`)).toBe(link)
      expect(xpath(rss, `string(${item(n + 1, 'guid')})`)).toBe(link)
      expect(xpath(rss, `string(${item(n + 1, 'guid/@isPermaLink')})`)).toBe('true')
      expect(xpath(rss, `string(${item(n + 1, 'description')})`)).not.toBe('')
    }
  })

  it('dates items in RFC 822 from publishedAt, and the channel from the newest update', () => {
    expect(xpath(rss, `string(${item(1, 'pubDate')})`)).toBe('Sun, 22 Nov 2026 13:00:00 GMT')
    for (const n of [1, 2, 3]) expect(xpath(rss, `string(${item(n, 'pubDate')})`)).toMatch(RFC_822)
    // The second correction of the column article is the newest change in the feed.
    expect(xpath(rss, 'string(/rss/channel/lastBuildDate)')).toBe('Mon, 23 Nov 2026 04:30:00 GMT')
  })

  it('puts the printed column label in front of the headline', () => {
    expect(xpath(rss, `string(${item(1, 'title')})`)).toBe('【善治天心②】党建引领基层治理提质增效')
    expect(xpath(rss, `string(${item(3, 'title')})`)).toBe('秋收时节访田间')
  })

  it('credits bylines with dc:creator, since RSS <author> must be an e-mail address', () => {
    expect(xpath(rss, 'count(//item/author)')).toBe('0')
    expect(xpath(rss, `string(${item(1, el('creator'))})`)).toBe('张福芳')
    expect(xpath(rss, `string(${item(2, el('creator'))})`)).toBe('本报记者 李重臣 杜鸿飞')
    expect(xpath(rss, `count(${item(3, el('creator'))})`)).toBe('0')
    expect(xpath(rss, `namespace-uri(${item(1, el('creator'))})`)).toBe('http://purl.org/dc/elements/1.1/')
  })

  it('lists tags as categories', () => {
    expect(xpath(rss, `count(${item(1, 'category')})`)).toBe('2')
    expect(xpath(rss, `string(${item(1, 'category[2]')})`)).toBe('党建引领')
  })

  it('attaches the lead photo as an enclosure only when its byte length is known, else as media:content', () => {
    expect(xpath(rss, `count(${item(1, 'enclosure')})`)).toBe('0')
    const media = item(1, el('content'))
    expect(xpath(rss, `namespace-uri(${media})`)).toBe('http://search.yahoo.com/mrss/')
    expect(xpath(rss, `string(${media}/@url)`)).toBe(`${ORIGIN}/api/photos/file/a-800.webp`)
    expect(xpath(rss, `string(${media}/@type)`)).toBe('image/webp')
    expect(xpath(rss, `string(${media}/@width)`)).toBe('800')

    expect(xpath(rss, `string(${item(2, 'enclosure/@url')})`)).toBe(`${ORIGIN}/api/photos/file/b-800.webp`)
    expect(xpath(rss, `string(${item(2, 'enclosure/@type')})`)).toBe('image/webp')
    expect(xpath(rss, `string(${item(2, 'enclosure/@length')})`)).toBe('48213')
    expect(xpath(rss, `count(${item(3, 'enclosure')} | ${item(3, el('content'))})`)).toBe('0')
  })

  it('carries & and < in headlines and summaries as escaped HTML, since readers render both as HTML', () => {
    expect(xpath(rss, `string(${item(2, 'title')})`)).toBe('营商环境“好差评”：A&amp;B两县满意度&lt;90%的原因')
    expect(decodeHtml(xpath(rss, `string(${item(2, 'title')})`))).toBe(escapingTitle)
    expect(decodeHtml(xpath(rss, `string(${item(2, 'description')})`))).toBe(escapingArticle.summary)
  })

  it("escapes the channel's description as HTML, like the items'", () => {
    const described = renderFeed('rss', { ...channel, description: '<script>alert(1)</script>专栏 & 评论' }, [])
    expect(xpath(described, 'string(/rss/channel/description)')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;专栏 &amp; 评论')
  })

  it('summarises an article without a summary by the first 120 characters of its body', () => {
    const description = xpath(rss, `string(${item(3, 'description')})`)
    expect(description).toBe(`${Array.from(opening).slice(0, 120).join('')}…`)
    expect(description).not.toContain('第二段')
  })
})

describe('renderFeed — Atom 1.0', () => {
  const atom = renderFeed('atom', channel, articles)

  it('produces a well-formed Atom document in the Atom namespace, tagged zh-CN', async () => {
    await expectWellFormed(atom)
    expect(xpath(atom, `namespace-uri(/${el('feed')})`)).toBe('http://www.w3.org/2005/Atom')
    expect(xpath(atom, `string(/${el('feed')}/@xml:lang)`)).toBe('zh-CN')
    expect(xpath(atom, `count(/${el('feed')}/${el('entry')})`)).toBe('3')
  })

  it('identifies the feed by its absolute URL and links to itself and to the HTML page', () => {
    const feed = `/${el('feed')}`
    expect(xpath(atom, `string(${feed}/${el('id')})`)).toBe(`${ORIGIN}/columns/shan-zhi-tian-xin/atom.xml`)
    expect(xpath(atom, `string(${feed}/${el('link')}[@rel='self']/@href)`)).toBe(`${ORIGIN}/columns/shan-zhi-tian-xin/atom.xml`)
    expect(xpath(atom, `string(${feed}/${el('link')}[@rel='alternate']/@type)`)).toBe('text/html')
    expect(xpath(atom, `string(${feed}/${el('link')}[@rel='alternate']/@href)`)).toBe(`${ORIGIN}/columns/shan-zhi-tian-xin`)
    expect(xpath(atom, `string(${feed}/${el('updated')})`)).toMatch(RFC_3339)
  })

  it('gives every entry an absolute id and link, RFC 3339 dates, an author and a summary', () => {
    for (const [n, article] of articles.entries()) {
      const link = `${ORIGIN}/articles/${article.slug}`
      expect(xpath(atom, `string(${entry(n + 1, el('id'))})`)).toBe(link)
      expect(xpath(atom, `string(${entry(n + 1, el('link'))}[not(@rel)]/@href)`)).toBe(link)
      expect(xpath(atom, `string(${entry(n + 1, el('updated'))})`)).toMatch(RFC_3339)
      expect(xpath(atom, `string(${entry(n + 1, el('published'))})`)).toMatch(RFC_3339)
      expect(xpath(atom, `string(${entry(n + 1, `${el('author')}/${el('name')}`)})`)).not.toBe('')
      expect(xpath(atom, `string(${entry(n + 1, el('summary'))})`)).not.toBe('')
    }
  })

  it('publishes at publishedAt and updates at the latest correction', () => {
    expect(xpath(atom, `string(${entry(1, el('published'))})`)).toBe('2026-11-22T13:00:00.000Z')
    expect(xpath(atom, `string(${entry(1, el('updated'))})`)).toBe('2026-11-23T04:30:00.000Z')
    // No corrections: updatedAt.
    expect(xpath(atom, `string(${entry(2, el('updated'))})`)).toBe('2026-11-21T00:30:00.000Z')
  })

  it('names the byline as author, and the paper when an article has none', () => {
    expect(xpath(atom, `string(${entry(1, `${el('author')}/${el('name')}`)})`)).toBe('张福芳')
    expect(xpath(atom, `string(${entry(3, `${el('author')}/${el('name')}`)})`)).toBe('本报新闻网')
  })

  it('prefixes the column label and survives & and < as HTML-escaped text', () => {
    expect(xpath(atom, `string(${entry(1, el('title'))})`)).toBe('【善治天心②】党建引领基层治理提质增效')
    expect(xpath(atom, `string(${entry(2, el('title'))}/@type)`)).toBe('html')
    expect(xpath(atom, `string(${entry(2, el('title'))})`)).toBe('营商环境“好差评”：A&amp;B两县满意度&lt;90%的原因')
    expect(decodeHtml(xpath(atom, `string(${entry(2, el('title'))})`))).toBe(escapingTitle)
  })

  it('links the lead photo as an image/webp enclosure and tags as categories', () => {
    const enclosure = entry(1, `${el('link')}[@rel='enclosure']`)
    expect(xpath(atom, `string(${enclosure}/@href)`)).toBe(`${ORIGIN}/api/photos/file/a-800.webp`)
    expect(xpath(atom, `string(${enclosure}/@type)`)).toBe('image/webp')
    expect(xpath(atom, `string(${entry(2, `${el('link')}[@rel='enclosure']/@length`)})`)).toBe('48213')
    expect(xpath(atom, `string(${entry(1, `${el('category')}[1]/@term`)})`)).toBe('基层治理')
  })
})

describe('renderFeed — edge cases', () => {
  it('renders byte-identical output for identical input, so cache entries stay stable', () => {
    expect(renderFeed('atom', channel, articles)).toBe(renderFeed('atom', channel, articles))
    expect(renderFeed('rss', channel, articles)).toBe(renderFeed('rss', channel, articles))
  })

  it('still produces valid feeds with no articles, dated by the caller', async () => {
    const updated = new Date('2026-11-01T00:00:00.000Z')
    const rss = renderFeed('rss', { ...channel, updated }, [])
    const atom = renderFeed('atom', { ...channel, updated }, [])
    await expectWellFormed(rss)
    await expectWellFormed(atom)
    expect(xpath(rss, 'string(/rss/channel/lastBuildDate)')).toBe('Sun, 01 Nov 2026 00:00:00 GMT')
    expect(xpath(atom, `string(/${el('feed')}/${el('updated')})`)).toBe('2026-11-01T00:00:00.000Z')
    expect(xpath(atom, `string(/${el('feed')}/${el('author')}/${el('name')})`)).toBe('本报新闻网')
  })

  it('leaves out articles without a slug, which have no page to link to', () => {
    const rss = renderFeed('rss', channel, [{ ...bodyOnlyArticle, slug: null }, columnArticle])
    expect(xpath(rss, 'count(/rss/channel/item)')).toBe('1')
  })

  it('stays well-formed when imported text carries control characters or a tag name contains <', async () => {
    const messy: Article = {
      ...escapingArticle,
      title: '标题\u000b含控制符',
      tags: [{ id: 9, name: '<专题>&评论', ...stamp }],
    }
    for (const format of ['rss', 'atom'] as const) {
      const xml = renderFeed(format, channel, [messy])
      await expectWellFormed(xml)
      expect(xml).toContain('标题含控制符')
    }
  })

  it('carries a headline with CDATA terminators and a script element in RSS as text, exactly as written', async () => {
    const breakout: Article = { ...escapingArticle, title: '甲]]>乙]]><script>alert(1)</script>' }
    const rss = renderFeed('rss', channel, [breakout])
    await expectWellFormed(rss)
    expect(xpath(rss, 'count(//*[local-name()="script"])')).toBe('0')
    const title = xpath(rss, `string(${item(1, 'title')})`)
    expect(title).not.toContain('<')
    expect(decodeHtml(title)).toBe('甲]]>乙]]><script>alert(1)</script>')
  })

  it("keeps Atom's subtitle plain text, which Atom declares it to be", () => {
    const atom = renderFeed('atom', { ...channel, description: '<b>专栏</b> & 评论' }, [])
    expect(xpath(atom, `string(/${el('feed')}/${el('subtitle')})`)).toBe('<b>专栏</b> & 评论')
  })

  it('keeps a literal "&amp;" in element text, which xml-js would otherwise turn into "&"', () => {
    const named: Article = { ...escapingArticle, tags: [{ id: 9, name: 'R&amp;D', ...stamp }] }
    const rssChannel = { ...channel, title: '专栏&amp;评论', description: '说明&amp;' }
    const rss = renderFeed('rss', rssChannel, [named])
    expect(xpath(rss, 'string(/rss/channel/title)')).toBe('专栏&amp;评论')
    expect(decodeHtml(xpath(rss, 'string(/rss/channel/description)'))).toBe('说明&amp;')
    expect(xpath(rss, `string(${item(1, 'category')})`)).toBe('R&amp;D')
    expect(xpath(renderFeed('atom', rssChannel, [named]), `string(/${el('feed')}/${el('title')})`)).toBe('专栏&amp;评论')
  })
})
