import { type DemoServer, startDemoServer } from '../helpers/demoServer'
import { ninjsSchemaErrors } from '../helpers/ninjs'
import { saveArticle, session, signInSession, type Session } from '../helpers/restClient'
import { el, expectValidAgainst, expectWellFormed, RFC_3339, RFC_822, SITEMAP_XSD, xpath, xpathAll } from '../helpers/xml'
import { retractOverApi, signFinalOverApi, submitAndSignOverApi } from '../helpers/demoChain'
import { qrCodeTextIn } from '../helpers/qrCode'

/** The reader site's promise: a change is on every page that shows it within 5 seconds. */
const FRESH_WITHIN_MS = 5000

let server: DemoServer
let anonymous: Session
let editor: Session
let featured: { id: number; slug: string; title: string }
let draft: { id: number; slug: string }

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${server.baseUrl}${path}`, { headers })
  return { status: response.status, text: await response.text(), headers: response.headers }
}

async function idOf(collection: string, slug: string): Promise<number> {
  const { json } = await anonymous.rest(`/api/${collection}?where[slug][equals]=${encodeURIComponent(slug)}&depth=0`)
  if (!json.docs[0]) throw new Error(`no ${collection} ${slug}`)
  return json.docs[0].id
}

async function workflow(id: number, action: string, extra: Record<string, unknown> = {}) {
  const { status, json } = await editor.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action, note: '读者站测试', ...extra } })
  if (status !== 200) throw new Error(`${action}: ${status} ${JSON.stringify(json)}`)
  return json
}

/** Polls each page until `check` holds; resolves with the slowest page's delay in ms. */
async function slowestUntil(paths: string[], check: (text: string) => boolean, since: number, timeoutMs = 20_000): Promise<Record<string, number>> {
  const seen: Record<string, number> = {}
  const deadline = since + timeoutMs
  while (Object.keys(seen).length < paths.length && Date.now() < deadline) {
    for (const path of paths.filter((candidate) => !(candidate in seen))) {
      if (check((await get(path)).text)) seen[path] = Date.now() - since
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  for (const path of paths) if (!(path in seen)) throw new Error(`${path} did not change within ${timeoutMs} ms`)
  return seen
}

/** `type href` of every `<link rel="alternate">`, whatever order Next.js writes the attributes in. */
const alternateLinks = (html: string) =>
  [...html.matchAll(/<link rel="alternate"[^>]*>/g)].map((match) => {
    const attribute = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(match[0])?.[1]
    return `${attribute('type')} ${attribute('href')}`
  })

const PAGES_SHOWING_FEATURED = () => [
  '/',
  `/articles/${featured.slug}`,
  '/columns/shan-zhi-tian-xin',
  '/bylines/zhang-fu-fang',
  '/tags/ji-ceng-zhi-li',
  '/regions/chang-sha-shi',
  '/rss.xml',
  '/atom.xml',
  '/columns/shan-zhi-tian-xin/rss.xml',
]

beforeAll(async () => {
  server = await startDemoServer()
  anonymous = session(server.baseUrl)
  editor = await signInSession(server.baseUrl, 'editor@newsroom.test', 'newsroom-demo')
  const photos = await editor.rest('/api/photos?limit=1&depth=0')
  const created = await editor.rest('/api/articles?draft=true', {
    method: 'POST',
    body: {
      title: '读者站测试：社区议事会开到楼栋里',
      kicker: '基层治理新探索',
      subtitle: '天心区推动小区自治的实践',
      summary: '天心区把议事会开到楼栋，居民的事居民商量着办。',
      column: await idOf('columns', 'shan-zhi-tian-xin'),
      installment: { number: 3 },
      bylines: [{ byline: await idOf('bylines', 'zhang-fu-fang'), role: 'staffReporter' }],
      leadPhoto: photos.json.docs[0].id,
      tags: [await idOf('tags', 'ji-ceng-zhi-li')],
      regions: [await idOf('regions', 'tian-xin-qu')],
    },
  })
  featured = created.json.doc
  draft = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '读者站测试：尚未发布的草稿' } })).json.doc
}, 15 * 60 * 1000)

afterAll(async () => {
  await server?.stop()
})

describe('freshness: reader pages follow the newsroom within seconds', () => {
  it('shows a newly published article on every page that lists it, including already cached ones', async () => {
    // Warm the cache first, so what is measured is invalidation, not a first render.
    for (const path of PAGES_SHOWING_FEATURED()) await get(path)
    await submitAndSignOverApi(server.baseUrl, featured.id)
    const publishedAt = Date.now()
    await workflow(featured.id, 'publish')
    const delays = await slowestUntil(PAGES_SHOWING_FEATURED(), (text) => text.includes(featured.title), publishedAt)
    console.log(`publish → visible (ms): ${JSON.stringify(delays)}`)
    expect(Math.max(...Object.values(delays))).toBeLessThan(FRESH_WITHIN_MS)
    const sitemap = await slowestUntil(['/sitemap.xml'], (text) => text.includes(`/articles/${featured.slug}<`), publishedAt)
    expect(sitemap['/sitemap.xml']).toBeLessThan(FRESH_WITHIN_MS)
  }, 60_000)

  it('serves published pages from the Next.js cache', async () => {
    await get(`/articles/${featured.slug}`)
    const again = await get(`/articles/${featured.slug}`)
    expect(again.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(again.headers.get('cache-control')).toContain('s-maxage')
  })

  it('gives an article with a lead photo a share image for link previews', async () => {
    const { text } = await get(`/articles/${featured.slug}`)
    expect(text).toMatch(/<meta property="og:image" content="http:\/\/[^"]+\.webp"/)
    expect(text).toContain('<meta name="twitter:card" content="summary_large_image"')
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(text)![1])
    expect(jsonLd.isPartOf).toMatchObject({ '@type': 'CreativeWorkSeries', name: '善治天心' })
    expect(jsonLd.articleSection).toBe('善治天心③')
    expect(jsonLd.image[0].url).toMatch(/^http:\/\/.+\.webp$/)
  })

  it('shows an edited headline everywhere within seconds', async () => {
    const newTitle = '读者站测试：议事会开进了楼栋（修改后）'
    // Saved as a draft and signed at 终审 again, the change is published: from then on readers see it.
    expect((await saveArticle(editor, featured.id, { title: newTitle }, { draft: true })).status).toBe(200)
    await signFinalOverApi(server.baseUrl, featured.id)
    const editedAt = Date.now()
    const saved = await saveArticle(editor, featured.id, { _status: 'published' }, { draft: false })
    expect(saved.status).toBe(200)
    const delays = await slowestUntil(PAGES_SHOWING_FEATURED(), (text) => text.includes(newTitle) && !text.includes(featured.title), editedAt)
    console.log(`edit → visible (ms): ${JSON.stringify(delays)}`)
    expect(Math.max(...Object.values(delays))).toBeLessThan(FRESH_WITHIN_MS)
    featured.title = newTitle
  }, 60_000)

  it('publishes a scheduled article on every page within seconds of the job running', async () => {
    const scheduled = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: '读者站测试：定时发布的消息' } })).json.doc
    for (const path of ['/', '/rss.xml']) await get(path)
    await submitAndSignOverApi(server.baseUrl, scheduled.id)
    await workflow(scheduled.id, 'schedule', { publishAt: new Date(Date.now() + 2000).toISOString() })
    const paths = ['/', `/articles/${scheduled.slug}`, '/rss.xml', '/atom.xml']
    await slowestUntil(paths, (text) => text.includes('读者站测试：定时发布的消息'), Date.now(), 45_000)
    const events = await editor.rest(`/api/workflow-events?where[article][equals]=${scheduled.id}&where[action][equals]=publish`)
    const ranAt = new Date(events.json.docs[0].createdAt).getTime()
    // Re-measure from the job's own publish time: every page must already show it now.
    const lag = Date.now() - ranAt
    console.log(`scheduled job ran at ${new Date(ranAt).toISOString()}; all pages showed it by +${lag} ms`)
    expect(lag).toBeLessThan(FRESH_WITHIN_MS + 2000)
  }, 90_000)

  it('takes a retracted article off every list and leaves the notice at its address', async () => {
    const retractedAt = Date.now()
    expect((await retractOverApi(server.baseUrl, featured.id, '经核实，本文部分数据有误，撤回。')).status).toBe(200)
    const lists = PAGES_SHOWING_FEATURED().filter((path) => !path.startsWith('/articles/'))
    const delays = await slowestUntil([...lists, '/sitemap.xml'], (text) => !text.includes(featured.title) && !text.includes(`/articles/${featured.slug}<`), retractedAt)
    expect(Math.max(...Object.values(delays))).toBeLessThan(FRESH_WITHIN_MS)
    const page = await get(`/articles/${featured.slug}`)
    expect(page.text).toContain('撤稿声明')
    const ninjs = JSON.parse((await get(`/articles/${featured.slug}/ninjs.json`)).text)
    expect(ninjs.pubstatus).toBe('canceled')
  }, 60_000)
})

describe('for machines', () => {
  it('serves RSS 2.0 with absolute links, a self link and RFC-822 dates', async () => {
    const { text, headers } = await get('/rss.xml')
    expect(headers.get('content-type')).toBe('application/rss+xml; charset=utf-8')
    await expectWellFormed(text)
    expect(xpath(text, `string(/rss/channel/${el('link')}[@rel='self']/@href)`)).toMatch(/^http:\/\/[^/]+\/rss\.xml$/)
    const items = Number(xpath(text, 'count(/rss/channel/item)'))
    expect(items).toBeGreaterThan(0)
    for (const date of xpathAll(text, '/rss/channel/item/pubDate')) expect(date).toMatch(RFC_822)
    for (const link of xpathAll(text, '/rss/channel/item/link')) expect(link).toMatch(/^http:\/\/[^/]+\/articles\/[a-z0-9-]+$/)
    expect(xpathAll(text, '/rss/channel/item/description').every((description) => description.length > 0)).toBe(true)
    expect(xpathAll(text, '/rss/channel/item/guid')).toHaveLength(items)
  })

  it('serves Atom with a self link, ids and RFC 3339 dates, site-wide and per column', async () => {
    for (const path of ['/atom.xml', '/columns/fei-fan-shi-si-wu/atom.xml']) {
      const { text, headers } = await get(path)
      expect(headers.get('content-type')).toBe('application/atom+xml; charset=utf-8')
      await expectWellFormed(text)
      expect(xpath(text, `string(/${el('feed')}/${el('link')}[@rel='self']/@href)`)).toMatch(new RegExp(`^http://[^/]+${path.replace(/\./g, '\\.')}$`))
      expect(xpath(text, `string(/${el('feed')}/${el('updated')})`)).toMatch(RFC_3339)
      for (const id of xpathAll(text, `/${el('feed')}/${el('entry')}/${el('id')}`)) expect(id).toMatch(/^http:\/\//)
    }
    const column = (await get('/columns/fei-fan-shi-si-wu/atom.xml')).text
    expect(column).toContain('桂阳让「科技之花」结出「产业之果」')
    expect(column).not.toContain('火红旗帜今更艳')
  })

  it('serves a sitemap the sitemaps.org schema accepts, and a robots.txt that points to it', async () => {
    const { text } = await get('/sitemap.xml')
    await expectValidAgainst(text, SITEMAP_XSD)
    const locations = xpathAll(text, `//${el('loc')}`)
    expect(locations).toContain(locations.find((loc) => loc.endsWith('/articles/huo-hong-qi-zhi-jin-geng-yan')))
    expect(locations.every((loc) => /^https?:\/\//.test(loc))).toBe(true)
    const robots = await get('/robots.txt')
    expect(robots.text).toMatch(/^Sitemap: http:\/\/[^\n]+\/sitemap\.xml$/m)
    expect(robots.text).toContain('Disallow: /admin')
  })

  it('renders the sitemap once and serves it from the cache until a change, never per request', async () => {
    const first = await get('/sitemap.xml')
    const again = await Promise.all([1, 2, 3].map(() => get('/sitemap.xml')))
    expect(again.map((response) => response.headers.get('x-nextjs-cache'))).toEqual(['HIT', 'HIT', 'HIT'])
    expect(again.every((response) => response.text === first.text)).toBe(true)
    // The seeded site fits one file: no parts, and a part number that could never exist is refused without a render.
    expect((await get('/sitemaps/1.xml')).status).toBe(404)
    expect((await get('/sitemaps/1000.xml')).status).toBe(404)
    expect((await get('/sitemap.xml/extra')).status).toBe(404)
  })

  it('serves a published article as ninjs 2.2 that the official schema accepts', async () => {
    const { text, headers } = await get('/articles/gui-yang-rang-ke-ji-zhi-hua-jie-chu-chan-ye-zhi-guo/ninjs.json')
    expect(headers.get('content-type')).toContain('application/json')
    const item = JSON.parse(text)
    expect(ninjsSchemaErrors(item)).toEqual([])
    expect(item.headlines).toEqual(expect.arrayContaining([expect.objectContaining({ value: '桂阳让「科技之花」结出「产业之果」' })]))
    expect(item.uri).toMatch(/\/articles\/gui-yang-rang-ke-ji-zhi-hua-jie-chu-chan-ye-zhi-guo$/)
    expect(item.places.map((place: { name: string }) => place.name)).toContain('桂阳县')
  })

  it('describes an article for search engines and link previews: JSON-LD, canonical, OpenGraph and alternates', async () => {
    const slug = 'huo-hong-qi-zhi-jin-geng-yan'
    const { text } = await get(`/articles/${slug}`)
    const jsonLd = [...text.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/g)].map((match) => JSON.parse(match[1]))
    const article = jsonLd.find((data) => data['@type'] === 'NewsArticle')
    expect(article).toMatchObject({ headline: '火红旗帜今更艳', alternativeHeadline: '常德市武陵区南坪街道党建引领高质量发展纪实', inLanguage: 'zh-CN' })
    expect(article.author.map((author: { '@type': string; name: string }) => `${author['@type']}:${author.name}`)).toEqual(['Person:姜鸿丽', 'Person:陈悦', 'Person:肖红瑜'])
    expect(article.datePublished).toMatch(/\+08:00$/)
    // Google's required fields of a NewsArticle, whether or not the article has photos of its own.
    expect(article.image.length).toBeGreaterThan(0)
    expect((await fetch(article.image[0].url.replace(/^http:\/\/[^/]+/, server.baseUrl))).status).toBe(200)
    expect(article.publisher.logo.url).toMatch(/^http:\/\/[^/]+\/logo\.png$/)
    expect((await fetch(article.publisher.logo.url.replace(/^http:\/\/[^/]+/, server.baseUrl))).status).toBe(200)
    expect(text).toMatch(new RegExp(`<link rel="canonical" href="http://[^"]+/articles/${slug}"`))
    const links = alternateLinks(text)
    expect(links).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^application\/rss\+xml http:\/\/[^/]+\/rss\.xml$/),
        expect.stringMatching(/^application\/atom\+xml http:\/\/[^/]+\/atom\.xml$/),
        expect.stringMatching(new RegExp(`^application/json http://[^/]+/articles/${slug}/ninjs\\.json$`)),
      ]),
    )
    expect(text).toContain('<meta property="og:type" content="article"')
    expect(text).toContain('<meta property="og:title" content="火红旗帜今更艳"')
    expect(text).toContain('<meta name="twitter:card"')
    // The share box's QR code, read from its pixels, is the page's own address.
    expect(await qrCodeTextIn(text.slice(text.indexOf('article__share')))).toMatch(new RegExp(`^http://[^/]+/articles/${slug}$`))
  })

  it('advertises the column feeds on a column page', async () => {
    const links = alternateLinks((await get('/columns/fei-fan-shi-si-wu')).text)
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/^application\/rss\+xml http:\/\/[^/]+\/columns\/fei-fan-shi-si-wu\/rss\.xml$/)]))
    expect(links).toEqual(expect.arrayContaining([expect.stringMatching(/^application\/atom\+xml http:\/\/[^/]+\/columns\/fei-fan-shi-si-wu\/atom\.xml$/)]))
  })
})

describe('drafts and previews', () => {
  it('never shows a draft on reader pages, feeds, sitemap or syndication, even to a visitor with its address', async () => {
    for (const path of ['/', '/rss.xml', '/atom.xml', '/sitemap.xml']) expect((await get(path)).text).not.toContain(draft.slug)
    for (const path of [`/articles/${draft.slug}`, `/articles/${draft.slug}/ninjs.json`, `/preview/articles/${draft.id}`]) {
      const response = await get(path)
      expect([path, response.status]).toEqual([path, 404])
      expect(response.text).not.toContain('尚未发布的草稿')
    }
  })

  it('previews the latest draft for a signed-in editor, privately, and still hides it from everyone else', async () => {
    const login = await fetch(`${server.baseUrl}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@newsroom.test', password: 'newsroom-demo' }),
    })
    const cookie = login.headers.getSetCookie().map((value) => value.split(';')[0]).join('; ')
    // As a browser opening the preview sends it: with a cookie allowlist (CSRF), Payload accepts
    // the session cookie only from requests that say where they come from.
    const preview = await get(`/preview/articles/${draft.id}`, { cookie, 'sec-fetch-site': 'same-origin' })
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('尚未发布的草稿')
    expect(preview.text).toContain('noindex')
    expect(preview.headers.get('cache-control')).toMatch(/no-store|private/)
    const afterwards = await get(`/preview/articles/${draft.id}`)
    expect(afterwards.status).toBe(404)
    // The same cookie from a cross-site request is ignored.
    expect((await get(`/preview/articles/${draft.id}`, { cookie, 'sec-fetch-site': 'cross-site' })).status).toBe(404)
    expect(afterwards.text).not.toContain('尚未发布的草稿')
  })
})
