import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'

import { type ArticlePair, publishArticlePair } from '../helpers/articleExtras'
import { ARTIFACTS } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'

const running = useDemoServer({ withBrowser: true })
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

let pair: ArticlePair
const articleUrl = (slug: string) => `${running.server.baseUrl}/articles/${slug}`

beforeAll(async () => {
  pair = await publishArticlePair(running.server.baseUrl, 'page')
}, 5 * 60 * 1000)

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe
    return (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })).violations
  })) as { id: string; impact: string; nodes: { target: string[] }[] }[]
  return violations.filter((violation) => ['serious', 'critical'].includes(violation.impact)).map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

const bodyFontSize = (page: Page) => page.locator('.article-body').evaluate((element) => parseFloat(getComputedStyle(element).fontSize))

/** What <html> said about the font size at the moment the article body first entered the document. */
const RECORD_SIZE_WHEN_BODY_ARRIVES = () => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.article-body')) return
    ;(window as unknown as { sizeWhenBodyArrived: string }).sizeWhenBodyArrived = document.documentElement.getAttribute('data-font-size') ?? 'none'
    observer.disconnect()
  }).observe(document, { childList: true, subtree: true })
}

describe('the article page as Chinese news sites print it', () => {
  it('prints the 来源 beside the date: the agency for wire copy, 本报 for the paper’s own', async () => {
    const page = await running.browser.newPage()
    await page.goto(articleUrl(pair.wireBrief.slug))
    expect(await page.locator('.article__date').textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}\u3000来源：新华社$/u)
    await page.goto(articleUrl(pair.photoStory.slug))
    expect(await page.locator('.article__date .article__outlet').textContent()).toBe('\u3000来源：本报')
    const ninjs = await (await fetch(`${articleUrl(pair.wireBrief.slug)}/ninjs.json`)).json()
    expect({ copyrightholder: ninjs.copyrightholder, infosources: ninjs.infosources }).toEqual({ copyrightholder: '新华社', infosources: [{ name: '新华社' }] })
    await page.close()
  })

  it('remembers the reader’s 字号 across article pages and reloads, in localStorage and never a cookie, without redrawing', async () => {
    const context: BrowserContext = await running.browser.newContext({ viewport: { width: 390, height: 900 } })
    await context.addInitScript(RECORD_SIZE_WHEN_BODY_ARRIVES)
    const page = await context.newPage()
    await page.goto(articleUrl(pair.photoStory.slug))
    const group = page.getByRole('group', { name: '字号' })
    await group.waitFor()
    expect(await group.getByRole('button', { name: '中', exact: true }).getAttribute('aria-pressed')).toBe('true')
    const standard = await bodyFontSize(page)

    // Keyboard: the buttons are reached and pressed like any other, with a visible focus ring.
    const large = group.getByRole('button', { name: '大', exact: true })
    await large.focus()
    expect(await large.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none')
    await page.keyboard.press('Enter')
    expect(await large.getAttribute('aria-pressed')).toBe('true')
    expect(await group.getByRole('button', { name: '中', exact: true }).getAttribute('aria-pressed')).toBe('false')
    const enlarged = await bodyFontSize(page)
    expect(enlarged).toBeGreaterThan(standard)
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: path.join(ARTIFACTS, 'article-font-size-large-390.png'), fullPage: true })

    await page.reload()
    expect(await bodyFontSize(page)).toBe(enlarged)
    expect(await page.evaluate(() => (window as unknown as { sizeWhenBodyArrived: string }).sizeWhenBodyArrived)).toBe('large')
    await page.goto(articleUrl(pair.wireBrief.slug))
    expect(await bodyFontSize(page)).toBe(enlarged)
    expect(await page.evaluate(() => (window as unknown as { sizeWhenBodyArrived: string }).sizeWhenBodyArrived)).toBe('large')
    expect(await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '大', exact: true }).getAttribute('aria-pressed')).toBe('true')

    expect(await page.evaluate(() => window.localStorage.getItem('reader-font-size'))).toBe('large')
    expect(await page.evaluate(() => document.cookie)).toBe('')
    expect(await context.cookies()).toEqual([])
    await context.close()
  })

  it('offers no 字号 buttons to a reader without JavaScript', async () => {
    const context = await running.browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(articleUrl(pair.photoStory.slug))
    expect(await page.locator('.font-size-switch').count()).toBe(1)
    expect(await page.locator('.font-size-switch').isVisible()).toBe(false)
    await context.close()
  })

  it('prints the article without the site’s navigation, search, sharing, 字号 switch or reading lists, with its address', async () => {
    const page = await running.browser.newPage()
    await page.goto(articleUrl(pair.photoStory.slug))
    await page.getByRole('group', { name: '字号' }).waitFor()
    await page.emulateMedia({ media: 'print' })
    const hidden = ['.masthead__nav', '.masthead__search', '.article__share-qr', '.font-size-switch', '.related', '.footer']
    for (const selector of hidden) expect([selector, await page.locator(selector).first().isVisible()]).toEqual([selector, false])
    expect(await page.locator('h1').isVisible()).toBe(true)
    expect(await page.locator('.article__share-link').textContent()).toContain(`/articles/${pair.photoStory.slug}`)
    expect(await page.locator('.article-body p').first().evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 0, 0)')
    expect(await page.locator('.article-body').evaluate((element) => getComputedStyle(element).fontFamily)).toContain('Serif')
    fs.mkdirSync(path.resolve('test-results/reader'), { recursive: true })
    await page.pdf({ path: path.resolve('test-results/reader/article-print.pdf'), format: 'A4' })
    await page.emulateMedia({ media: 'screen' })
    expect(await page.locator('.masthead__search').isVisible()).toBe(true)
    await page.close()
  })

  it('shows related reading with a thumbnail for an article with a photo, sized before it loads, and text alone for one without', async () => {
    const page = await running.browser.newPage({ viewport: { width: 390, height: 900 } })
    await page.goto(articleUrl(pair.wireBrief.slug))
    const withPhoto = page.locator('.related__item').filter({ hasText: '湘江两岸冬修水利全面铺开' })
    const thumbnail = withPhoto.locator('img.related__thumbnail')
    expect(await thumbnail.count()).toBe(1)
    expect(await thumbnail.evaluate((image: HTMLImageElement) => ({ width: image.getAttribute('width'), height: Number(image.getAttribute('height')) > 0, alt: image.alt, loading: image.loading }))).toEqual({ width: '400', height: true, alt: '', loading: 'lazy' })
    // The headline alone names the link; the picture loads once scrolled to.
    expect(await withPhoto.getByRole('link', { name: '湘江两岸冬修水利全面铺开' }).count()).toBe(1)
    await thumbnail.scrollIntoViewIfNeeded()
    await page.waitForFunction(() => (document.querySelector('img.related__thumbnail') as HTMLImageElement | null)?.naturalWidth === 400)
    await page.goto(articleUrl(pair.photoStory.slug))
    const textOnly = page.locator('.related__item').filter({ hasText: '国家统计局发布11月份居民消费价格数据' })
    expect(await textOnly.count()).toBe(1)
    expect(await textOnly.locator('img').count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await page.close()
  })
})
