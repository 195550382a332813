import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { chineseDateLine, toShanghaiDate } from '@/newsroom/dates'
import { signIn } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'

const running = useDemoServer({ withBrowser: true })
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** Screenshots are kept for people to look at; CI keeps the folder as an artefact. */
const SCREENSHOTS = path.resolve('test-results/reader')

const GUIYANG_TITLE = '桂阳让「科技之花」结出「产业之果」'

async function newPage(width: number): Promise<{ page: Page; offOrigin: string[] }> {
  const page = await running.browser.newPage({ viewport: { width, height: 900 } })
  const offOrigin: string[] = []
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(running.server.baseUrl) && !url.startsWith('data:')) offOrigin.push(url)
  })
  return { page, offOrigin }
}

type AxeViolation = { id: string; impact: string; help: string; nodes: { target: string[] }[] }

async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through DevTools: the page's Content-Security-Policy refuses injected inline scripts.
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    })
    return result.violations
  })) as AxeViolation[]
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

describe('the reader site in Chromium', () => {
  it('shows the legal footer an administrator sets, on every page at once, and refuses a malformed 备案号', async () => {
    const { baseUrl } = running.server
    const admin = await signInSession(baseUrl, 'admin@newsroom.test', 'newsroom-demo')
    const refused = await admin.rest('/api/globals/site-settings', { method: 'POST', body: { icpNumber: 'ICP 12345' } })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('格式不对：应形如“湘ICP备12345678号-1”')
    const saved = await admin.rest('/api/globals/site-settings', {
      method: 'POST',
      body: { icpNumber: '湘ICP备12345678号-1', publicSecurityNumber: '湘公网安备43010202000123号', newsLicence: '43120170001', reportPhone: '0731-84326600', reportAddress: 'jubao@example.cn' },
    })
    expect(saved.status).toBe(200)
    for (const pathname of ['/', '/articles/gui-yang-rang-ke-ji-zhi-hua-jie-chu-chan-ye-zhi-guo']) {
      const html = await (await fetch(`${baseUrl}${pathname}`)).text()
      expect(html).toContain('<a href="https://beian.miit.gov.cn/" rel="noopener noreferrer">湘ICP备12345678号-1</a>')
      expect(html).toContain('https://beian.mps.gov.cn/#/query/webSearch?code=43010202000123')
      expect(html).toContain('互联网新闻信息服务许可证：43120170001')
      expect(html).toContain('违法和不良信息举报电话：<a href="tel:073184326600">0731-84326600</a>')
    }
    const journalist = await signInSession(baseUrl, 'journalist@newsroom.test', 'newsroom-demo')
    expect((await journalist.rest('/api/globals/site-settings', { method: 'POST', body: { icpNumber: '湘ICP备87654321号' } })).status).toBe(403)
  })

  it('prints today’s date line, with the lunar date, under the masthead of every page', async () => {
    for (const pathname of ['/', '/articles/gui-yang-rang-ke-ji-zhi-hua-jie-chu-chan-ye-zhi-guo', '/columns/fei-fan-shi-si-wu']) {
      const html = await (await fetch(`${running.server.baseUrl}${pathname}`)).text()
      expect(html).toContain(`<p class="masthead__date">${chineseDateLine(new Date())}</p>`)
    }
  })

  it('prints the edition’s 期号 beside the date line once an administrator sets one day’s number', async () => {
    const { baseUrl } = running.server
    const admin = await signInSession(baseUrl, 'admin@newsroom.test', 'newsroom-demo')
    const yesterday = toShanghaiDate(new Date(Date.now() - 24 * 60 * 60 * 1000))
    const saved = await admin.rest('/api/globals/site-settings', { method: 'POST', body: { issueNumbering: { referenceDate: `${yesterday}T12:00:00+08:00`, referenceNumber: 25000 } } })
    expect(saved.status).toBe(200)
    const html = await (await fetch(`${baseUrl}/channels/shizheng`)).text()
    expect(html).toContain(`<p class="masthead__date">${chineseDateLine(new Date())}<span class="masthead__issue">第25001期</span></p>`)
    expect((await admin.rest('/api/globals/site-settings', { method: 'POST', body: { issueNumbering: { referenceDate: null, referenceNumber: null } } })).status).toBe(200)
    expect(await (await fetch(`${baseUrl}/`)).text()).not.toContain('masthead__issue')
  })

  it('takes a reader from the home page to a column, an article, a byline and a region', async () => {
    const { page } = await newPage(390)
    await page.goto(`${running.server.baseUrl}/`)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await expect(page.locator('.front__lead h3').textContent()).resolves.toBe('火红旗帜今更艳')

    await page.getByRole('link', { name: '专栏 · 非凡“十四五”' }).click()
    await page.waitForURL('**/columns/**')
    expect(await page.locator('h1').textContent()).toBe('专栏 · 非凡“十四五”')

    await page.getByRole('link', { name: GUIYANG_TITLE }).first().click()
    await page.waitForURL('**/articles/**')
    expect(await page.locator('h1').textContent()).toBe(GUIYANG_TITLE)
    expect(await page.locator('.article__header .column-label').textContent()).toBe('非凡“十四五”桂阳“新答卷”·科技篇')

    await page.locator('.article__header .bylines').getByRole('link', { name: '罗徽' }).click()
    await page.waitForURL('**/bylines/**')
    expect(await page.locator('h1').textContent()).toBe('罗徽')
    expect(await page.getByRole('link', { name: GUIYANG_TITLE }).count()).toBe(1)

    await page.goBack()
    await page.getByRole('link', { name: '桂阳县' }).click()
    await page.waitForURL('**/regions/**')
    expect(await page.locator('h1').textContent()).toBe('桂阳县')

    // A city's page includes its counties: 桂阳县 lies in 郴州市.
    await page.getByRole('link', { name: '郴州市' }).first().click()
    await page.waitForURL('**/regions/chen-zhou-shi')
    expect(await page.getByRole('link', { name: GUIYANG_TITLE }).count()).toBe(1)
    expect(await page.getByRole('link', { name: '唤醒沉睡资产 筑牢保障底线' }).count()).toBe(1)
    await page.close()
  })

  it('shows every page type without serious accessibility violations, outside requests or layout shifts, at phone and desktop widths', async () => {
    const { baseUrl } = running.server
    const today = toShanghaiDate(new Date())
    const pages: Record<string, string> = {
      home: '/',
      article: '/articles/gui-yang-rang-ke-ji-zhi-hua-jie-chu-chan-ye-zhi-guo',
      column: '/columns/fei-fan-shi-si-wu',
      channel: '/channels/jingji',
      byline: '/bylines/jiang-hong-li',
      tag: '/tags/ji-ceng-zhi-li',
      region: '/regions/chang-de-shi',
      archive: `/archive/${today}`,
      print: `/print/${today}`,
      search: `/search?q=${encodeURIComponent('发展 社区')}`,
      notFound: '/articles/no-such-article',
    }
    fs.mkdirSync(SCREENSHOTS, { recursive: true })
    const problems: string[] = []
    for (const width of [390, 1280]) {
      const { page, offOrigin } = await newPage(width)
      for (const [name, pathname] of Object.entries(pages)) {
        const response = await page.goto(`${baseUrl}${pathname}`)
        expect([name, response?.status()]).toEqual([name, name === 'notFound' ? 404 : 200])
        await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true })
        for (const violation of await seriousViolations(page)) problems.push(`${name} @${width}: ${violation}`)
        expect([name, await page.locator('h1').count()]).toEqual([name, 1])
        // Width and height on every picture reserve its space before it loads.
        expect([name, await page.locator('img:not([width]), img:not([height])').count()]).toEqual([name, 0])
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect([name, width, overflow]).toEqual([name, width, 0])
      }
      expect(offOrigin).toEqual([])
      await page.close()
    }
    expect(problems).toEqual([])
  }, 5 * 60 * 1000)

  it('answers an unknown address with the Chinese 404 page inside the site layout', async () => {
    const { page } = await newPage(1280)
    const response = await page.goto(`${running.server.baseUrl}/no/such/page`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toBe('页面不存在')
    expect(await page.getByRole('link', { name: '返回首页' }).count()).toBe(1)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    await page.close()
  })

  it('lets a keyboard user skip to the main content with a visible focus ring', async () => {
    const { page } = await newPage(1280)
    await page.goto(`${running.server.baseUrl}/`)
    await page.keyboard.press('Tab')
    const focused = page.locator(':focus')
    expect(await focused.textContent()).toBe('跳到正文')
    const outline = await focused.evaluate((element) => getComputedStyle(element).outlineStyle)
    expect(outline).not.toBe('none')
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main')
    await page.close()
  })

  it('gives an editor a live preview of an unpublished draft beside the editing form', async () => {
    const { baseUrl } = running.server
    const admin = await signIn(running.browser, baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    const drafts = await admin.evaluate(async () => (await (await fetch('/api/articles?draft=true&where[_status][equals]=draft&depth=0&limit=1')).json()).docs)
    const [draft] = drafts as { id: number; title: string }[]
    await admin.goto(`${baseUrl}/admin/collections/articles/${draft.id}`)
    await admin.locator('#live-preview-toggler').click()
    const frame = admin.frameLocator('iframe')
    await frame.locator('h1').filter({ hasText: draft.title }).waitFor({ timeout: 30_000 })
    expect(await frame.locator('.preview-banner').textContent()).toContain('尚未发布')

    const edited = `${draft.title}（实时预览）`
    await admin.locator('#field-title').fill(edited)
    await frame.locator('h1').filter({ hasText: edited }).waitFor({ timeout: 30_000 })
    // The same address shows nothing to a reader who is not signed in.
    expect((await fetch(`${baseUrl}/preview/articles/${draft.id}`)).status).toBe(404)
    await admin.context().close()
  }, 120_000)
})
