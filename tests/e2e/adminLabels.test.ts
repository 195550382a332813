import type { Page } from 'playwright-core'

import { signIn } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { saveArticle, signInSession } from '../helpers/restClient'

const PASSWORD = 'newsroom-demo'
const EDITOR = 'editor@newsroom.test'
const JOURNALIST = 'journalist@newsroom.test'

const running = useDemoServer({ withBrowser: true })

let articleId: number | string
let journalistArticleId: number | string

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
  const journalist = await signInSession(running.server.baseUrl, JOURNALIST, PASSWORD)
  const own = await journalist.rest('/api/articles?draft=true&depth=0', { method: 'POST', body: { title: '记者自己的中文标签测试稿', summary: '导语' } })
  expect(own.status).toBe(201)
  journalistArticleId = own.json.doc.id
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
    // A term of the 禁用词 list may be English (North Korea, TMD): content, like a slug, not a label.
    const skip = (element: Element | null) => Boolean(element?.closest('[data-lexical-editor], .rich-text-lexical__editor, .cell-slug, .cell-term, .cell-suggestion, .query-inspector__results, .query-inspector__api-url a, script, style, noscript, code, pre'))
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

type Permission = boolean | { permission?: boolean } | undefined
const granted = (rule: Permission) => rule === true || (typeof rule === 'object' && rule?.permission === true)

/** The collections the signed-in user may do `operation` on, by the server's own access answer. */
async function collectionsAllowed(page: Page, operation: 'read' | 'create'): Promise<string[]> {
  const access = (await page.evaluate(async () => (await fetch('/api/access')).json())) as { collections: Record<string, Record<string, Permission>> }
  return Object.entries(access.collections)
    .filter(([slug, rules]) => !slug.startsWith('payload-') && granted(rules[operation]))
    .map(([slug]) => slug)
}

type Recorder = (where: string) => Promise<void>

/** Collects the foreign labels of every page it is asked to record, with where each was seen. */
function labelRecorder(page: Page): { record: Recorder; report: () => string[] } {
  const found = new Map<string, Set<string>>()
  return {
    record: async (where) => {
      for (const text of await foreignLabels(page)) {
        if (!found.has(text)) found.set(text, new Set())
        found.get(text)!.add(where)
      }
    },
    report: () => [...found].map(([text, where]) => `${JSON.stringify(text)} @ ${[...where].slice(0, 3).join(', ')}${where.size > 3 ? ` …(+${where.size - 3})` : ''}`),
  }
}

/** Opens a drawer from the article's edit view, records it, and leaves it by reloading the view. */
async function recordDrawer(page: Page, record: Recorder, where: string, tab: string, opener: string): Promise<void> {
  await page.locator('.tabs-field__tab-button', { hasText: tab }).first().click()
  await page.locator(opener).first().click()
  await page.locator('.drawer--is-open .drawer__content').first().waitFor({ timeout: 30_000 })
  await settle(page)
  await record(where)
  await page.reload()
  // Payload remembers the tab last opened (a user preference saved shortly after the click), so the
  // reloaded view may open on 图片与分类, where the headline field is hidden: wait for the tabs instead.
  await page.locator('.tabs-field__tab-button').first().waitFor()
}

/**
 * What every staff member sees: the dashboard, each list they may read with its column picker,
 * each create view they may open, an article's edit view tab by tab, and the drawers it opens
 * (a relationship's 新建, an upload's 新建 and 选择现有).
 */
async function walkStaffViews(page: Page, record: Recorder, who: string, article: number | string): Promise<void> {
  await visit(page, '/admin', '.dashboard, .template-default')
  await record(`${who} 仪表盘`)

  for (const slug of await collectionsAllowed(page, 'read')) {
    await visit(page, `/admin/collections/${slug}`, '.collection-list table, .collection-list__no-results, .no-results')
    await record(`${who} ${slug} 列表`)
    const columns = page.locator('.list-controls__toggle-columns, button:has-text("列")').first()
    if (await columns.count()) {
      await columns.click()
      await page.locator('.column-selector, .pill-selector').first().waitFor({ timeout: 10_000 }).catch(() => undefined)
      await page.waitForTimeout(400)
      await record(`${who} ${slug} 列选择`)
    }
  }

  for (const slug of await collectionsAllowed(page, 'create')) {
    await visit(page, `/admin/collections/${slug}/create`, '.collection-edit, .document-fields')
    await record(`${who} ${slug} 新建`)
  }

  await visit(page, `/admin/collections/articles/${article}`, '.tabs-field__tab-button')
  await record(`${who} 稿件编辑`)
  const tabs = page.locator('.tabs-field__tab-button')
  for (let index = 0; index < (await tabs.count()); index++) {
    await tabs.nth(index).click()
    await settle(page)
    await record(`${who} 稿件编辑 标签页 ${(await tabs.nth(index).innerText()).trim()}`)
  }

  await recordDrawer(page, record, `${who} 新建标签抽屉`, '图片与分类', '#tags-add-new .relationship-add-new__add-button')
  await recordDrawer(page, record, `${who} 上传图片抽屉`, '图片与分类', '.upload__createNewToggler')
  await recordDrawer(page, record, `${who} 选择图片抽屉`, '图片与分类', '.upload__listToggler')
}

describe('the Chinese admin has no English or broken labels', () => {
  it('shows only Chinese labels to a zh-CN editor on every admin view, create view and drawer', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, EDITOR, PASSWORD)
    expect(await page.evaluate(() => navigator.language)).toBe('zh-CN')
    const { record, report } = labelRecorder(page)

    await walkStaffViews(page, record, '编辑', articleId)

    await visit(page, `/admin/collections/articles/${articleId}`, '.tabs-field__tab-button')
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
      ['/admin/globals/front-page', '首页版面'],
    ]) {
      await visit(page, path, '.template-default')
      await record(name)
    }

    const found = report()
    console.log(`English or broken labels (editor): ${found.length}\n${found.join('\n')}`)
    expect(found).toEqual([])
    await page.context().close()
  }, 600_000)

  it('shows only Chinese labels to a zh-CN journalist on their views, create views and drawers', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, JOURNALIST, PASSWORD)
    const { record, report } = labelRecorder(page)

    await walkStaffViews(page, record, '记者', journalistArticleId)
    await visit(page, '/admin/account', '#field-email')
    await record('记者 账户')

    const found = report()
    console.log(`English or broken labels (journalist): ${found.length}\n${found.join('\n')}`)
    expect(found).toEqual([])
    await page.context().close()
  }, 600_000)
})
