import {
  planSitemap,
  renderRobotsTxt,
  renderSitemapPart,
  SITEMAP_URL_LIMIT,
  type SitemapEntry,
} from '@/reader/feeds/sitemap'
import { el, expectValidAgainst, SITEMAP_INDEX_XSD, SITEMAP_XSD, xpath, xpathAll } from '../../../helpers/xml'

process.env.SITE_URL = 'https://news.example.cn'

const ORIGIN = 'https://news.example.cn'

const expectValid = expectValidAgainst
/** Where both formats put it (urlset/url/loc, sitemapindex/sitemap/loc): `//` costs seconds over 5,000 URLs in the XPath engine. */
const LOC = `/*/*/${el('loc')}`
const locs = (xml: string) => xpathAll(xml, LOC)

const entries: SitemapEntry[] = [
  { path: '/', lastModified: new Date('2026-11-22T13:00:00.000Z'), changeFrequency: 'hourly', priority: 1 },
  { path: '/columns/shan-zhi-tian-xin', lastModified: '2026-11-21T16:30:00.000Z', changeFrequency: 'weekly', priority: 0.8 },
  { path: '/articles/dang-jian-yin-ling', lastModified: '2026-11-20T02:00:00.000Z', priority: 0.64 },
  { path: '/archive/2026-11-20', changeFrequency: 'never' },
  { path: '/tags/a&b', lastModified: '2026-11-19T00:00:00.000Z' },
]

describe('planSitemap', () => {
  it('writes one <urlset> that validates against sitemap.xsd when the entries fit in one file', async () => {
    const plan = planSitemap(entries)
    expect(plan.kind).toBe('urlset')
    await expectValid(plan.xml, SITEMAP_XSD)
    expect(locs(plan.xml)).toEqual([
      `${ORIGIN}/`,
      `${ORIGIN}/columns/shan-zhi-tian-xin`,
      `${ORIGIN}/articles/dang-jian-yin-ling`,
      `${ORIGIN}/archive/2026-11-20`,
      `${ORIGIN}/tags/a&b`,
    ])
  })

  it('escapes & and \' in URLs as entities, after percent-encoding what URLs may not carry raw', async () => {
    const { xml } = planSitemap([{ path: '/search?q=善治&page=2' }, { path: "/bylines/o'neil" }])
    expect(xml).toContain('<loc>https://news.example.cn/search?q=%E5%96%84%E6%B2%BB&amp;page=2</loc>')
    expect(xml).toContain('<loc>https://news.example.cn/bylines/o&apos;neil</loc>')
    expect(locs(xml)[0]).toBe('https://news.example.cn/search?q=%E5%96%84%E6%B2%BB&page=2')
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|apos;|quot;)/)
    await expectValid(xml, SITEMAP_XSD)
  })

  it('writes lastmod as a W3C datetime in Beijing time', () => {
    const { xml } = planSitemap(entries)
    expect(xpath(xml, `string((//${el('url')})[1]/${el('lastmod')})`)).toBe('2026-11-22T21:00:00+08:00')
    expect(xpath(xml, `string((//${el('url')})[2]/${el('lastmod')})`)).toBe('2026-11-22T00:30:00+08:00')
  })

  it('formats priority to one decimal within 0.0–1.0 and passes changefreq through', async () => {
    const { xml } = planSitemap([
      { path: '/a', priority: 1 },
      { path: '/b', priority: 0.64 },
      { path: '/c', priority: 1.5 },
      { path: '/d', priority: -1 },
      { path: '/e', changeFrequency: 'daily' },
    ])
    const priorities = [1, 2, 3, 4].map((n) => xpath(xml, `string((//${el('url')})[${n}]/${el('priority')})`))
    expect(priorities).toEqual(['1.0', '0.6', '1.0', '0.0'])
    expect(xpath(xml, `string((//${el('url')})[5]/${el('changefreq')})`)).toBe('daily')
    await expectValid(xml, SITEMAP_XSD)
  })

  it('leaves out an unparseable lastmod rather than failing the whole sitemap', async () => {
    const { xml } = planSitemap([{ path: '/', lastModified: 'not a date' }])
    expect(xml).not.toContain('<lastmod>')
    await expectValid(xml, SITEMAP_XSD)
  })

  it('becomes a <sitemapindex> of /sitemaps/N.xml, each dated by its newest entry, past the limit', async () => {
    const plan = planSitemap(entries, 2)
    expect(plan.kind).toBe('index')
    if (plan.kind !== 'index') return
    expect(plan.parts).toBe(3)
    await expectValid(plan.xml, SITEMAP_INDEX_XSD)
    expect(locs(plan.xml)).toEqual([1, 2, 3].map((n) => `${ORIGIN}/sitemaps/${n}.xml`))
    const lastmods = [1, 2, 3].map((n) => xpath(plan.xml, `string((//${el('sitemap')})[${n}]/${el('lastmod')})`))
    expect(lastmods).toEqual(['2026-11-22T21:00:00+08:00', '2026-11-20T10:00:00+08:00', '2026-11-19T08:00:00+08:00'])
  })

  it('keeps up to 5,000 URLs in a single file, and splits a bigger site into valid parts of at most 5,000', async () => {
    expect(SITEMAP_URL_LIMIT).toBe(5_000)
    const many = Array.from({ length: 12_001 }, (_, i) => ({ path: `/articles/a-${i}`, lastModified: new Date(Date.UTC(2026, 0, 1) + i * 60_000) }))
    expect(planSitemap(many.slice(0, 5_000)).kind).toBe('urlset')
    const plan = planSitemap(many)
    expect(plan.kind).toBe('index')
    await expectValid(plan.xml, SITEMAP_INDEX_XSD)
    expect(locs(plan.xml)).toEqual([1, 2, 3].map((n) => `${ORIGIN}/sitemaps/${n}.xml`))
    const parts = [1, 2, 3].map((n) => renderSitemapPart(many, n)!)
    for (const xml of parts) await expectValid(xml, SITEMAP_XSD)
    expect(parts.map((xml) => xpath(xml, `count(${LOC})`))).toEqual(['5000', '5000', '2001'])
    expect(renderSitemapPart(many, 4)).toBeNull()
  })
})

describe('renderSitemapPart', () => {
  it('renders each part of a split sitemap as a valid <urlset> of that chunk', async () => {
    const parts = [1, 2, 3].map((n) => renderSitemapPart(entries, n, 2))
    for (const xml of parts) {
      expect(xml).not.toBeNull()
      await expectValid(xml!, SITEMAP_XSD)
    }
    expect(parts.map((xml) => locs(xml!))).toEqual([
      [`${ORIGIN}/`, `${ORIGIN}/columns/shan-zhi-tian-xin`],
      [`${ORIGIN}/articles/dang-jian-yin-ling`, `${ORIGIN}/archive/2026-11-20`],
      [`${ORIGIN}/tags/a&b`],
    ])
  })

  it('returns null for parts that do not exist', () => {
    expect(renderSitemapPart(entries, 4, 2)).toBeNull()
    expect(renderSitemapPart(entries, 0, 2)).toBeNull()
    expect(renderSitemapPart(entries, 1.5, 2)).toBeNull()
  })

  it('returns null when everything fits in /sitemap.xml, so no URL is listed twice', () => {
    expect(renderSitemapPart(entries, 1)).toBeNull()
  })
})

describe('renderRobotsTxt', () => {
  it('allows the site, keeps crawlers out of admin, API and previews, and points at the sitemap', () => {
    const lines = renderRobotsTxt().split('\n')
    expect(lines[0]).toBe('User-agent: *')
    expect(lines).toEqual(expect.arrayContaining(['Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /preview/']))
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`)
  })

  it('still lets crawlers fetch photo files, which are served under /api/', () => {
    expect(renderRobotsTxt().split('\n')).toContain('Allow: /api/photos/file/')
  })
})
