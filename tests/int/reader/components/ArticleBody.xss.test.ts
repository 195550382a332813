import { jest } from '@jest/globals'
import type { Payload } from 'payload'
import type { ReactNode } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'

import type { Article, Region, Tag } from '@payload-types'
import { withSafeLinkUrl } from '@collections/Articles/body'
import { formatBylines } from '@/newsroom/bylines'
import { excerptOf } from '@/newsroom/plainText'
import { bylinesOf, columnLabelOf, photoCreditOf } from '@/newsroom/presentation'
import { SITE_NAME } from '@/reader/site'
import type { Staff } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { ATOM_ELEMENTS, htmlProblems, jsonLdBlocksOf, jsonLdProblems, RSS_ELEMENTS, strayXmlElements, unescapedIn } from '../../../helpers/readerMarkup'
import { validationMessages } from '../../../helpers/validation'
import { el, expectValidAgainst, expectWellFormed, SITEMAP_XSD, xpath, xpathAll } from '../../../helpers/xml'
import { SAFE_LINKS, UNSAFE_LINKS, XSS_PAYLOADS } from '../../../helpers/xssCorpus'
import { autolinkNode, type CorpusDocs, createCorpusDocs, internalLinkNode, linkNode, paragraphOf, textNode } from '../../../helpers/xssFixtures'
import { publishThroughChain } from '../../../helpers/workflow'
import { rootNode } from '@/seed/lexical'

/**
 * Every payload of the corpus goes into every text field readers are shown (an article's
 * headline parts, standfirst, body nodes and blocks, bylines, column, tags, places, photos,
 * corrections, retraction notice), through the Local API and the workflow; then the reader
 * pages, feeds, sitemap and ninjs are produced by their own route code from that database and
 * checked with the parsers a browser and a feed reader use. None may carry markup or script that came from content.
 */

process.env.SITE_URL = 'https://news.example.cn'

// The reader data module caches through Next.js, which has no cache outside a server: read
// straight through, so pages and routes run unchanged on the test database.
jest.unstable_mockModule('next/cache', () => ({ unstable_cache: (read: unknown) => read, revalidateTag: () => undefined, revalidatePath: () => undefined }))

type Params<T> = { params: Promise<T> }
type PageModule<T> = { default: (props: Params<T>) => Promise<ReactNode> }
const pageProps = <T,>(params: T): Params<T> => ({ params: Promise.resolve(params) })
const rendered = async (node: Promise<ReactNode>) => renderToStaticMarkup(await node)

let payload: Payload
let staff: Staff
const corpus: (CorpusDocs & { text: string })[] = []
const EDITION_DAY = '2032-03-01'
const publishedAt = (index: number) => new Date(Date.parse(`${EDITION_DAY}T02:00:00.000Z`) + index * 60_000).toISOString()

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  const shared = (await payload.create({ collection: 'tags', data: { name: '共同标签', slug: 'xss-shared' } })) as Tag
  let parentRegion: Region | undefined
  for (const [index, { text }] of XSS_PAYLOADS.entries()) {
    const docs = await createCorpusDocs(payload, staff, index, text, {
      publishedAt: publishedAt(index),
      editionDate: `${EDITION_DAY}T00:00:00.000Z`,
      linkUrl: SAFE_LINKS[index % SAFE_LINKS.length],
      sharedTagId: shared.id,
      parentRegion,
    })
    // Pairs, parent and child: both show the other's name, and no chain grows past the depth regions allow.
    parentRegion = parentRegion ? undefined : docs.region
    corpus.push({ ...docs, text })
  }
})

const pages = {
  article: () => import('../../../../app/(reader)/articles/[slug]/page') as Promise<PageModule<{ slug: string }>>,
  column: () => import('../../../../app/(reader)/columns/[slug]/[[...segments]]/page') as Promise<PageModule<{ slug: string }>>,
  tag: () => import('../../../../app/(reader)/tags/[slug]/[[...segments]]/page') as Promise<PageModule<{ slug: string }>>,
  region: () => import('../../../../app/(reader)/regions/[slug]/[[...segments]]/page') as Promise<PageModule<{ slug: string }>>,
  byline: () => import('../../../../app/(reader)/bylines/[slug]/[[...segments]]/page') as Promise<PageModule<{ slug: string }>>,
  front: () => import('../../../../app/(reader)/[[...segments]]/page') as Promise<PageModule<{ segments?: string[] }>>,
  archive: () => import('../../../../app/(reader)/archive/[date]/[[...segments]]/page') as Promise<PageModule<{ date: string }>>,
  print: () => import('../../../../app/(reader)/print/[date]/page') as Promise<PageModule<{ date: string }>>,
}
const responses = () => import('@/reader/feeds/responses')

const renderPage = async <T,>(page: keyof typeof pages, params: T) =>
  rendered(((await pages[page]()) as unknown as PageModule<T>).default(pageProps(params)))

const texts = () => corpus.map((entry) => entry.text)
const CASES = XSS_PAYLOADS.map((entry, index) => ({ ...entry, index }))

/** React's text and attribute escaping: how a stored value must appear in a page. */
const asHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;')

function expectSafePage(html: string) {
  expect(htmlProblems(html)).toEqual([])
  expect(unescapedIn(html, texts())).toEqual([])
  for (const block of jsonLdBlocksOf(html)) expect(jsonLdProblems(block)).toEqual([])
}

describe('reader pages', () => {
  it.each(CASES)('the article page prints $name as text in every field', async ({ index }) => {
    const { article } = corpus[index]
    const html = await renderPage('article', { slug: article.slug! })
    expectSafePage(html)
    const photo = corpus[index].photo
    const shown = [article.kicker, article.title, article.subtitle, article.summary, article.corrections![0].note, photo.alt, photo.caption, photoCreditOf(photo),
      corpus[index].tag.name, corpus[index].region.name, corpus[index].byline.name, columnLabelOf(article), article.print!.pageName]
    for (const value of shown) expect(html).toContain(asHtml(value!))
    // Body: text, bold, link, heading, quote, list item, both lines of the box, its label, the editor's note, the inline photo.
    expect(html.split(asHtml(article.title)).length - 1).toBeGreaterThanOrEqual(12)
  })

  it.each(CASES)('the article page has one sound JSON-LD block that keeps $name as data', async ({ index }) => {
    const { article, tag, byline } = corpus[index]
    const [block, ...others] = jsonLdBlocksOf(await renderPage('article', { slug: article.slug! }))
    expect(others).toEqual([])
    expect(block).not.toMatch(/<\/script/i)
    const data = JSON.parse(block)
    expect(data.headline).toBe(article.title)
    expect(data.alternativeHeadline).toBe(`${article.kicker} ${article.subtitle}`)
    expect(data.keywords.split(',')).toContain(tag.name)
    expect(data.author.map((person: { name: string }) => person.name)).toContain(byline.name)
    expect(data.isPartOf.name).toBe(corpus[index].column.name)
  })

  it.each(CASES)('a retracted article shows $name as its headline and notice, as text', async ({ index }) => {
    const { retracted } = corpus[index]
    const html = await renderPage('article', { slug: retracted.slug! })
    expectSafePage(html)
    expect(html).toContain(`<p class="retraction__notice">${asHtml(retracted.retraction!.notice!)}</p>`)
  })

  it.each(CASES)('the column, tag, place and byline pages print $name as text', async ({ index }) => {
    const { column, tag, region, byline } = corpus[index]
    for (const [page, slug, name] of [['column', column.slug, column.name], ['tag', tag.slug, tag.name], ['region', region.slug, region.name], ['byline', byline.slug, byline.name]] as const) {
      const html = await renderPage(page, { slug: slug! })
      expectSafePage(html)
      expect(html).toContain(asHtml(name))
    }
  })

  it('the front page, the day archive and the print edition list every payload as text', async () => {
    for (const html of [await renderPage('front', {}), await renderPage('archive', { date: EDITION_DAY }), await renderPage('print', { date: EDITION_DAY })]) {
      expectSafePage(html)
      for (const { article } of corpus.slice(-10)) expect(html).toContain(asHtml(article.title))
    }
  })

  it('the search page prints matches and their <mark>ed snippets as text', async () => {
    const { default: SearchPage } = await import('../../../../app/(reader)/search/page')
    for (const q of ['alert', 'script', '天心区']) {
      const html = await rendered(SearchPage({ searchParams: Promise.resolve({ q }) }))
      expectSafePage(html)
      expect(html).toContain('<mark>')
    }
  })
})

/** A text as the feeds must carry it: without the characters XML 1.0 cannot hold. */
const asFeedText = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '') // eslint-disable-line no-control-regex
const decodeHtml = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

describe('feeds, sitemap and syndication', () => {
  it.each(CASES)("the column's RSS feed carries $name as escaped HTML where readers render HTML, and as plain text elsewhere", async ({ index }) => {
    const { article, column, tag } = corpus[index]
    const xml = await (await (await responses()).columnFeedResponse('rss', column.slug!)).text()
    await expectWellFormed(xml)
    expect(strayXmlElements(xml, RSS_ELEMENTS)).toBe('')
    expect(xpath(xml, 'string(/rss/channel/title)')).toBe(asFeedText(`${SITE_NAME} · ${column.name}`))
    for (const [path, expected] of [['/rss/channel/description', column.description!], ['//item/title', `【${columnLabelOf(article)}】${article.title}`], ['//item/description', excerptOf(article)]]) {
      const html = xpath(xml, `string(${path})`)
      expect(html).not.toContain('<')
      expect(decodeHtml(html)).toBe(asFeedText(expected))
    }
    expect(xpathAll(xml, '//item/category')).toContain(asFeedText(tag.name))
    expect(xpath(xml, `string(//item/${el('creator')})`)).toBe(asFeedText(formatBylines(bylinesOf(article))))
  })

  it.each(CASES)("the column's Atom feed carries $name as escaped HTML in html constructs and as text elsewhere", async ({ index }) => {
    const { article, column, tag } = corpus[index]
    const xml = await (await (await responses()).columnFeedResponse('atom', column.slug!)).text()
    await expectWellFormed(xml)
    expect(strayXmlElements(xml, ATOM_ELEMENTS)).toBe('')
    expect(xpath(xml, `string(/${el('feed')}/${el('title')})`)).toBe(asFeedText(`${SITE_NAME} · ${column.name}`))
    for (const [name, expected] of [['title', `【${columnLabelOf(article)}】${article.title}`], ['summary', excerptOf(article)]]) {
      const html = xpath(xml, `string(//${el('entry')}/${el(name)})`)
      expect(html).not.toContain('<')
      expect(decodeHtml(html)).toBe(asFeedText(expected))
    }
    expect(xpath(xml, `string(//${el('entry')}/${el('author')}/${el('name')})`)).toBe(asFeedText(formatBylines(bylinesOf(article))))
    expect(xpathAll(xml, `//${el('entry')}/${el('category')}/@term`)).toContain(asFeedText(tag.name).replace(/</g, '＜'))
  })

  it('the site feeds hold every payload article, well-formed and without stray elements', async () => {
    const { siteFeedResponse } = await responses()
    for (const [format, vocabulary] of [['rss', RSS_ELEMENTS], ['atom', ATOM_ELEMENTS]] as const) {
      const xml = await (await siteFeedResponse(format)).text()
      await expectWellFormed(xml)
      expect(strayXmlElements(xml, vocabulary)).toBe('')
      const entries = format === 'rss' ? `//item[contains(link, '/articles/xss-article-')]` : `//${el('entry')}[contains(${el('id')}, '/articles/xss-article-')]`
      expect(Number(xpath(xml, `count(${entries})`))).toBe(corpus.length)
    }
  })

  it('the sitemap lists the payload documents by their slugs only, and validates', async () => {
    const xml = await (await (await responses()).sitemapResponse()).text()
    await expectValidAgainst(xml, SITEMAP_XSD)
    for (const { article, tag } of corpus) {
      expect(xml).toContain(`/articles/${article.slug}</loc>`)
      expect(xml).toContain(`/tags/${tag.slug}</loc>`)
    }
    expect(unescapedIn(xml, texts())).toEqual([])
  })

  it.each(CASES)('ninjs carries $name as the same plain text, as JSON', async ({ index }) => {
    const { article, photo } = corpus[index]
    const response = await (await responses()).ninjsResponse(article.slug!)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    const item = JSON.parse(await response.text())
    const textOf = (list: { role: string; value: string }[], role: string) => list.find((entry) => entry.role === role)?.value
    expect(textOf(item.headlines, 'main')).toBe(article.title.trim())
    expect(textOf(item.descriptions, 'summary')).toBe(article.summary!.trim())
    expect(textOf(item.associations.find((picture: { name: string }) => picture.name === 'leadPhoto').descriptions, 'alt')).toBe(photo.alt.trim())
    expect(item.ednote).toContain(article.corrections![0].note)
  })
})

describe('links in the body', () => {
  const asEditor = () => ({ user: { ...staff.editor, collection: 'users' as const } })
  const draftWith = (slug: string, ...children: Record<string, unknown>[]) =>
    payload.create({ collection: 'articles', draft: true, ...asEditor(), data: { title: `链接测试 ${slug}`, slug, body: rootNode([paragraphOf(...children)]) } as never }) as Promise<Article>
  const publish = async (article: Article) => {
    await publishThroughChain(payload, staff, article.id, { now: new Date('2031-01-01T00:00:00.000Z') })
  }

  it.each(UNSAFE_LINKS.map((entry, index) => ({ ...entry, index })))('refuses to save a link to $url, saying why in Chinese', async ({ url, index }) => {
    const node = index % 2 ? autolinkNode(url, '链接') : linkNode(url, '链接')
    const message = await validationMessages(() => draftWith(`unsafe-${index}`, textNode('见'), node))
    expect(message).toContain('正文中的链接')
    expect(message).toContain('只允许以 http://、https://、mailto:、tel: 开头的地址')
  })

  it('saves links to safe targets exactly as typed', async () => {
    const saved = await draftWith('safe-links', ...SAFE_LINKS.map((url) => linkNode(url, url)))
    const urls = (saved.body!.root.children[0] as unknown as { children: { fields?: { url: string } }[] }).children.map((child) => child.fields?.url)
    expect(urls).toEqual(SAFE_LINKS)
  })

  it("tells the editor in the link drawer's own URL field why a link is refused", () => {
    const fields = withSafeLinkUrl({ defaultFields: [{ name: 'url', type: 'text', validate: () => true as const }] })
    const validate = (fields[0] as { validate: (value: string, options: object) => unknown }).validate
    expect(validate('vbscript:msgbox(1)', { siblingData: { linkType: 'custom' } })).toMatch(/^链接地址“vbscript:msgbox\(1\)”不可用/)
    expect(validate('', { siblingData: { linkType: 'internal' } })).toBe(true)
  })

  it('renders an old or imported link to an unsafe target as its words only', async () => {
    const article = await draftWith('legacy-links', textNode('正文'))
    await publish(article)
    const nodes = [...UNSAFE_LINKS.flatMap(({ url }, index) => [linkNode(url, `坏链接${index}`), autolinkNode(url, `坏自动链接${index}`)]), ...SAFE_LINKS.map((url, index) => linkNode(url, `好链接${index}`))]
    // Straight into the database, as an import or a row older than the check would be.
    await payload.db.updateOne({ collection: 'articles', where: { id: { equals: article.id } }, data: { body: rootNode(nodes.map((node) => paragraphOf(node))) } })
    const html = await renderPage('article', { slug: 'legacy-links' })
    expect(htmlProblems(html)).toEqual([])
    for (const [index] of UNSAFE_LINKS.entries()) {
      expect(html).toContain(`<p>坏链接${index}</p>`)
      expect(html).toContain(`<p>坏自动链接${index}</p>`)
    }
    for (const url of SAFE_LINKS) expect(html).toContain(`href="${asHtml(url)}"`)
  })

  it("links an internal link to the article's page while readers can see it, and shows only its words otherwise", async () => {
    const target = await draftWith('internal-target', textNode('被链接的稿件'))
    await publish(target)
    const hidden = await draftWith('internal-draft', textNode('未发布的稿件'))
    const linking = await draftWith('internal-links', internalLinkNode(target.id, '已发布稿件'), internalLinkNode(hidden.id, '草稿稿件'))
    await publish(linking)
    const html = await renderPage('article', { slug: 'internal-links' })
    expect(html).toContain('<a href="/articles/internal-target">已发布稿件</a>')
    expect(html).toContain('>草稿稿件<')
    expect(html).not.toMatch(/<a [^>]*>草稿稿件/)
    expect(html).not.toContain('href="#"')
  })
})
