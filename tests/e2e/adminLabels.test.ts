import type { Page } from 'playwright-core'

import { signIn } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { saveArticle, signInSession } from '../helpers/restClient'

const PASSWORD = 'newsroom-demo'
const EDITOR = 'editor@newsroom.test'

const running = useDemoServer({ withBrowser: true })

let articleId: number | string

/** An article with two versions and array rows, so the versions view has a diff and the edit view has rows. */
beforeAll(async () => {
  const editor = await signInSession(running.server.baseUrl, EDITOR, PASSWORD)
  const column = (await editor.rest('/api/columns?limit=1&depth=0')).json.docs[0]
  const created = await editor.rest('/api/articles?draft=true&depth=0', { method: 'POST', body: { title: '后台中文标签测试稿', column: column.id } })
  expect(created.status).toBe(201)
  articleId = created.json.doc.id
  const updated = await saveArticle(editor, articleId, {
    title: '后台中文标签测试稿（改）',
    summary: '导语',
    bylines: [{ byline: (await editor.rest('/api/bylines?limit=1&depth=0')).json.docs[0].id, role: 'reporter' }],
    corrections: [{ correctedAt: new Date().toISOString(), note: '更正第二段的数字。' }],
  })
  expect(updated.status).toBe(200)
}, 60_000)

const LATIN = /[A-Za-z]/
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/

/**
 * Latin-only text a Chinese newsroom uses as is. Kept short on purpose:
 * - technical tokens desks say in English: URL, ID, RSS, JSON, SEO, API, UTC, PDF, and the API
 *   view's hard-coded “API URL” heading (a developer view; no translation key exists for it);
 * - the product's own name on the login/brand mark (Payload) is not shown to editors, so not listed;
 * - data rather than labels: e-mail addresses, file names, slugs (lowercase words joined by hyphens),
 *   and the `Asia/Shanghai` time-zone id that Payload stores with a date.
 */
const ALLOWED: RegExp[] = [
  /^(URL|ID|RSS|JSON|SEO|API|UTC|PDF|API URL)$/,
  /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/, // e-mail address
  /^[\w.-]+\.(jpe?g|png|gif|webp|svg|pdf|docx?|txt|json|csv)$/i, // file name
  /^[a-z0-9]+(-[a-z0-9]+)+$/, // slug
  /^Asia\/Shanghai$/,
]

/** A label object given where a string was expected, or a translation with its placeholder left in. */
const BROKEN = /\[object Object\]|\{\{\s*\w+\s*\}\}/

const isForeign = (text: string) => BROKEN.test(text) || (LATIN.test(text) && !CJK.test(text) && !ALLOWED.some((pattern) => pattern.test(text)))

/**
 * Every visible text node and every aria-label/title/placeholder on the page that is Latin-only,
 * outside data: what people typed (rich text, inputs), the slug column, and the API view's JSON and URL.
 */
async function foreignLabels(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const found: string[] = []
    const skip = (element: Element | null) => Boolean(element?.closest('[data-lexical-editor], .rich-text-lexical__editor, .cell-slug, .query-inspector__results, .query-inspector__api-url a, script, style, noscript, code, pre'))
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim()
      const parent = node.parentElement
      if (!text || !parent || skip(parent)) continue
      if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true } as CheckVisibilityOptions)) continue
      found.push(text)
    }
    document.body.querySelectorAll('[aria-label], [title], [placeholder]').forEach((element) => {
      if (skip(element)) return
      for (const attribute of ['aria-label', 'title', 'placeholder']) {
        const value = element.getAttribute(attribute)?.trim()
        if (value) found.push(`${attribute}=${value}`)
      }
    })
    return found
  })
  return texts.filter((text) => isForeign(text.replace(/^(aria-label|title|placeholder)=/, '')))
}

/** Waits for Payload's client to settle: no loading shimmer, a short quiet period. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined)
  await page.waitForTimeout(600)
}

async function visit(page: Page, path: string, ready: string): Promise<void> {
  await page.goto(`${running.server.baseUrl}${path}`)
  await page.locator(ready).first().waitFor({ timeout: 30_000 })
  await settle(page)
}

async function readableCollections(page: Page): Promise<string[]> {
  const access = (await page.evaluate(async () => (await fetch('/api/access')).json())) as { collections: Record<string, { read?: boolean | { permission?: boolean } }> }
  return Object.entries(access.collections)
    .filter(([slug, rules]) => !slug.startsWith('payload-') && (rules.read === true || (typeof rules.read === 'object' && rules.read?.permission === true)))
    .map(([slug]) => slug)
}

describe('the Chinese admin has no English or broken labels', () => {
  it('shows only Chinese labels to a zh-CN editor on every admin view', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, EDITOR, PASSWORD)
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN')
    const found = new Map<string, Set<string>>()
    const record = async (where: string) => {
      for (const text of await foreignLabels(page)) {
        if (!found.has(text)) found.set(text, new Set())
        found.get(text)!.add(where)
      }
    }

    await visit(page, '/admin', '.dashboard, .template-default')
    await record('仪表盘')

    for (const slug of await readableCollections(page)) {
      await visit(page, `/admin/collections/${slug}`, '.collection-list table, .collection-list__no-results, .no-results')
      await record(`${slug} 列表`)
      const columns = page.locator('.list-controls__toggle-columns, button:has-text("列")').first()
      if (await columns.count()) {
        await columns.click()
        await page.locator('.column-selector, .pill-selector').first().waitFor({ timeout: 10_000 }).catch(() => undefined)
        await page.waitForTimeout(400)
        await record(`${slug} 列选择`)
      }
    }

    await visit(page, `/admin/collections/articles/${articleId}`, '#field-title')
    await record('稿件编辑')
    const tabs = page.locator('.tabs-field__tab-button')
    for (let index = 0; index < (await tabs.count()); index++) {
      await tabs.nth(index).click()
      await settle(page)
      await record(`稿件编辑 标签页 ${(await tabs.nth(index).innerText()).trim()}`)
    }

    await page.locator('.live-preview-toggler').first().click()
    await page.locator('.live-preview-toolbar').first().waitFor({ timeout: 30_000 })
    await settle(page)
    await record('实时预览')

    await visit(page, `/admin/collections/articles/${articleId}/api`, '.query-inspector, main, .template-default')
    await record('API')

    await visit(page, `/admin/collections/articles/${articleId}/versions`, 'table')
    await record('版本列表')
    const versionLink = page.locator(`table a[href*="/versions/"]`).first()
    const href = await versionLink.getAttribute('href')
    expect(href).toBeTruthy()
    await visit(page, href!, '.view-version, .render-field-diffs')
    await record('版本对比')
    // The diff names the changed fields by their Chinese labels.
    expect(await page.locator('.render-field-diffs').first().innerText()).toContain('主题')

    await visit(page, '/admin/account', '#field-email')
    await record('账户')
    for (const [path, name] of [
      ['/admin/calendar', '排期日历'],
      ['/admin/search', '搜索'],
      ['/admin/import', '导入'],
    ]) {
      await visit(page, path, '.template-default')
      await record(name)
    }

    const report = [...found].map(([text, where]) => `${JSON.stringify(text)} @ ${[...where].slice(0, 3).join(', ')}${where.size > 3 ? ` …(+${where.size - 3})` : ''}`)
    console.log(`English or broken labels: ${report.length}\n${report.join('\n')}`)
    expect(report).toEqual([])
    await page.context().close()
  }, 300_000)
})
