import { createHash } from 'node:crypto'
import http from 'node:http'

import type { Page } from 'playwright-core'

import { SEARCH_SHARED_CACHE_CONTROL } from '../../scripts/searchCaching.mjs'
import { useDemoServer } from '../helpers/demoServer'
import { type Session, signInSession } from '../helpers/restClient'
import { publishOverApi } from '../helpers/demoChain'

const running = useDemoServer({ withBrowser: true })
let editor: Session
let photoUrl: string

beforeAll(async () => {
  editor = await signInSession(running.server.baseUrl, 'editor@newsroom.test', 'newsroom-demo')
  photoUrl = (await editor.rest('/api/photos?limit=1&depth=0')).json.docs[0].url
})

const SEEDED_ARTICLE = '/articles/gui-yang-rang-ke-ji-zhi-hua-jie-chu-chan-ye-zhi-guo'
const COLUMN = '/columns/fei-fan-shi-si-wu'
const SEARCH = `/search?q=${encodeURIComponent('发展')}`
const CSP = 'content-security-policy'
const HSTS = 'strict-transport-security'
const EVERY_RESPONSE = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', 'x-frame-options': 'SAMEORIGIN' }
const DATA_POLICY = "default-src 'none'; frame-ancestors 'self'"

type RawResponse = { status: number; headers: Record<string, string[]>; text: string }

/** fetch() joins repeated headers into one value; counting them takes the raw response. */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .get(`${running.server.baseUrl}${path}`, { headers }, (response) => {
        const grouped: Record<string, string[]> = {}
        for (let index = 0; index < response.rawHeaders.length; index += 2) (grouped[response.rawHeaders[index].toLowerCase()] ??= []).push(response.rawHeaders[index + 1])
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk) => (text += chunk))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: grouped, text }))
      })
      .on('error', reject)
  })
}

/** The header's one value; fails, naming the page, when it is missing or repeated. */
function onlyValue(page: string, response: RawResponse, name: string): string {
  expect([page, name, response.headers[name] ?? []]).toEqual([page, name, [expect.any(String)]])
  return response.headers[name][0]
}

function directivesOf(policy: string): Record<string, string[]> {
  return Object.fromEntries(policy.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]))
}

/** Every inline script a browser runs (not external, not JSON-LD), hashed here independently of the code under test. */
function inlineScripts(html: string): { attributes: string; hash: string }[] {
  return [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attributes]) => !/\ssrc=/.test(attributes) && !attributes.includes('application/ld+json'))
    .map(([, attributes, text]) => ({ attributes, hash: `'sha256-${createHash('sha256').update(text).digest('base64')}'` }))
}

/** Whether a page still loads Next.js's client runtime or carries its inline flight data. */
function carriesNextScripts(html: string): boolean {
  return /<script[^>]*\ssrc="[^"]*\/_next\//.test(html) || /__next_f|TURBOPACK/.test(html)
}

/** Checks a cached reader page's policy against its HTML and returns its directives. */
function expectHashedReaderPolicy(page: string, response: RawResponse): Record<string, string[]> {
  const directives = directivesOf(onlyValue(page, response, CSP))
  const [self, ...hashes] = directives['script-src']
  expect([page, self]).toEqual([page, "'self'"])
  expect([page, hashes.every((source) => source.startsWith("'sha256-"))]).toEqual([page, true])
  const scripts = inlineScripts(response.text)
  // Next.js's scripts are taken out as the page enters the cache (src/publishing/hydrationScripts.mjs).
  expect([page, carriesNextScripts(response.text)]).toEqual([page, false])
  expect([page, [...hashes].sort()]).toEqual([page, [...new Set(scripts.map((script) => script.hash))].sort()])
  expect(directives).toMatchObject({ 'default-src': ["'self'"], 'object-src': ["'none'"], 'base-uri': ["'self'"], 'frame-ancestors': ["'self'"] })
  return directives
}

async function publishFreshArticle(title: string): Promise<string> {
  const created = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title } })
  await publishOverApi(running.server.baseUrl, created.json.doc.id)
  return `/articles/${created.json.doc.slug}`
}

describe('security headers on every kind of response', () => {
  const kinds = () => ({
    home: '/',
    article: SEEDED_ARTICLE,
    column: COLUMN,
    search: SEARCH,
    rss: '/rss.xml',
    sitemap: '/sitemap.xml',
    robots: '/robots.txt',
    adminLogin: '/admin/login',
    api: '/api/articles?limit=1&depth=0',
    media: photoUrl,
  })

  it('carry nosniff, the referrer policy, same-origin framing and one Content-Security-Policy each', async () => {
    const policies: Record<string, string> = {}
    for (const [kind, path] of Object.entries(kinds())) {
      // The seed's photos illustrate drafts only, so their files are for staff (SECURITY.md, Uploads).
      const response = await rawGet(path, kind === 'media' ? { Authorization: `JWT ${editor.token}` } : {})
      expect([kind, response.status]).toEqual([kind, 200])
      for (const [name, value] of Object.entries(EVERY_RESPONSE)) expect([kind, onlyValue(kind, response, name)]).toEqual([kind, value])
      policies[kind] = onlyValue(kind, response, CSP)
    }
    for (const kind of ['rss', 'sitemap', 'robots', 'api', 'media']) expect([kind, policies[kind]]).toEqual([kind, DATA_POLICY])
    // Payload's admin runs inline scripts of its own: its policy only keeps other sites from framing it.
    expect(policies.adminLogin).toBe("object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'")
    for (const kind of ['home', 'article', 'column', 'search']) expect([kind, directivesOf(policies[kind])['script-src'].includes("'unsafe-inline'")]).toEqual([kind, false])
  })

  it('carry Strict-Transport-Security only when the request came over HTTPS, as the TLS proxy in front says', async () => {
    const home = await rawGet('/')
    const script = home.text.match(/src="(\/_next\/static\/chunks\/[^"]+\.js)"/)?.[1] ?? ''
    for (const path of [...Object.values(kinds()), script]) {
      expect([path, (await rawGet(path)).headers[HSTS]]).toEqual([path, undefined])
      const overHttps = await rawGet(path, { 'X-Forwarded-Proto': 'https' })
      expect([path, onlyValue(path, overHttps, HSTS)]).toEqual([path, 'max-age=31536000; includeSubDomains'])
      expect([path, onlyValue(path, overHttps, 'x-content-type-options')]).toEqual([path, 'nosniff'])
    }
  })
})

describe('reader pages served from the cache', () => {
  it('allow exactly the inline scripts they carry, by hash, and no inline style', async () => {
    for (const path of ['/', SEEDED_ARTICLE, COLUMN]) {
      await rawGet(path)
      const cached = await rawGet(path)
      expect([path, cached.headers['x-nextjs-cache']]).toEqual([path, ['HIT']])
      const directives = expectHashedReaderPolicy(path, cached)
      expect([path, directives['style-src']]).toEqual([path, ["'self'"]])
      expect([path, /<style|\sstyle=/.test(cached.text)]).toEqual([path, false])
    }
  })

  it('give a page rendered on a cache miss, just after its publication, its policy on the very first response', async () => {
    const path = await publishFreshArticle('安全响应头测试：新发布的稿件')
    const miss = await rawGet(path)
    expect(miss.status).toBe(200)
    expect(miss.headers['x-nextjs-cache']).toEqual(['MISS'])
    const policy = expectHashedReaderPolicy(`${path} (miss)`, miss)
    const hit = await rawGet(path)
    expect(hit.headers['x-nextjs-cache']).toEqual(['HIT'])
    expect(directivesOf(onlyValue(`${path} (hit)`, hit, CSP))).toEqual(policy)
  })

  it('give a page prerendered by `next build` its policy, styles included, when first read from the build', async () => {
    const response = await rawGet('/_not-found')
    expect(response.status).toBe(404)
    expect(response.headers['x-nextjs-prerender']?.[0]).toBe('1')
    const directives = expectHashedReaderPolicy('/_not-found', response)
    // Next.js's built-in 404 page styles itself inline: those exact styles are allowed, by hash.
    expect(directives['style-src']).toEqual(expect.arrayContaining(["'self'", "'unsafe-hashes'"]))
    expect(directives['style-src'].filter((source) => source.startsWith("'sha256-")).length).toBeGreaterThan(1)
  })
})

describe('reader pages rendered per request', () => {
  it('give search results a fresh nonce on every render and on every inline script, and keep the search a plain form', async () => {
    const nonces: string[] = []
    // Another address is another render; one address is kept a minute, by the server and by a
    // cache tier (scripts/responseCache.mjs, scripts/searchCaching.mjs), its nonce with it.
    for (const path of [SEARCH, `${SEARCH}&page=1`, SEARCH]) {
      const response = await rawGet(path)
      expect(onlyValue(SEARCH, response, 'cache-control')).toBe(SEARCH_SHARED_CACHE_CONTROL)
      const scriptSources = directivesOf(onlyValue(SEARCH, response, CSP))['script-src']
      expect(scriptSources).toEqual(["'self'", expect.stringMatching(/^'nonce-[A-Za-z0-9+/]+=*'$/)])
      const nonce = scriptSources[1].slice("'nonce-".length, -1)
      for (const script of inlineScripts(response.text)) expect(script.attributes).toContain(`nonce="${nonce}"`)
      // Rendered per request, stripped by the production server (scripts/readerPageScripts.mjs).
      expect([path, carriesNextScripts(response.text)]).toEqual([path, false])
      // Without JavaScript the search is a plain GET form.
      expect(/<form[^>]*action="\/search" method="get"/.test(response.text)).toBe(true)
      nonces.push(nonce)
    }
    expect(nonces[0]).not.toBe(nonces[1])
    expect(nonces[2]).toBe(nonces[0])
  })

  it('give previews the same, even the 404 an anonymous visitor gets', async () => {
    const response = await rawGet('/preview/articles/1')
    expect(response.status).toBe(404)
    expect(directivesOf(onlyValue('/preview', response, CSP))['script-src']).toEqual(["'self'", expect.stringMatching(/^'nonce-/)])
  })
})

describe('in Chromium', () => {
  /** A page that records every CSP violation from its first script on. */
  async function watchedPage(path: string): Promise<{ page: Page; violations: () => Promise<string[]> }> {
    const page = await running.browser.newPage()
    await page.addInitScript(() => {
      const recorded: string[] = ((window as any).__cspViolations = [])
      document.addEventListener('securitypolicyviolation', (event) => recorded.push(`${event.violatedDirective} ${event.blockedURI}`))
    })
    const response = await page.goto(`${running.server.baseUrl}${path}`)
    expect(response?.headers()[CSP]).toBeTruthy()
    return { page, violations: () => page.evaluate(() => (window as any).__cspViolations as string[]) }
  }

  /** Not hydrated: following a link loads a new document, as a plain link does. */
  async function followsLinkAsDocument(page: Page, selector: string, url: RegExp): Promise<boolean> {
    await page.evaluate(() => ((window as any).__sameDocument = true))
    await page.locator(selector).first().click()
    await page.waitForURL(url)
    return page.evaluate(() => (window as any).__sameDocument === undefined)
  }

  it('load the home page and an article without Next.js’s runtime, links as plain links, with no policy violation', async () => {
    const nextFiles = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => /\/_next\/.*\.js(\?|$)/.test(name)))
    const home = await watchedPage('/')
    expect(await home.page.evaluate(() => (window as any).next)).toBeUndefined()
    expect(await nextFiles(home.page)).toEqual([])
    expect(await followsLinkAsDocument(home.page, '.front__lead a', /\/articles\//)).toBe(true)
    expect(await home.violations()).toEqual([])
    await home.page.close()

    const article = await watchedPage(SEEDED_ARTICLE)
    expect(await article.page.evaluate(() => (window as any).next)).toBeUndefined()
    expect(await nextFiles(article.page)).toEqual([])
    expect(await followsLinkAsDocument(article.page, '.masthead__name', /\/$/)).toBe(true)
    expect(await article.violations()).toEqual([])
    await article.page.close()
  })

  it('refuses an inline script that is not one of the page’s own', async () => {
    const { page, violations } = await watchedPage(SEEDED_ARTICLE)
    await page.evaluate(() => {
      const injected = document.createElement('script')
      injected.textContent = 'window.__injected = true'
      document.body.append(injected)
    })
    await page.waitForFunction(() => (window as any).__cspViolations.length > 0)
    expect(await page.evaluate(() => (window as any).__injected)).toBeUndefined()
    expect(await violations()).toEqual(['script-src-elem inline'])
    await page.close()
  })

  it('shows search results, the prerendered 404 page and the admin sign-in with no policy violation', async () => {
    for (const path of [SEARCH, '/_not-found', '/admin/login']) {
      const { page, violations } = await watchedPage(path)
      // The admin hydrates; reader pages, the 404 among them, carry no Next.js runtime to wait for.
      if (path.startsWith('/admin')) await page.waitForFunction(() => (window as any).next !== undefined)
      await page.waitForLoadState('networkidle')
      expect([path, await violations()]).toEqual([path, []])
      await page.close()
    }
  })
})
