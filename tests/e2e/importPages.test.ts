import type { Page } from 'playwright-core'

import { signIn } from '../helpers/adminSession'
import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'
import { session, signInSession } from '../helpers/restClient'
import { readSeedPage } from '@/seed/data'
import { publishOverApi } from '../helpers/demoChain'
import { wordFixture } from '../helpers/wordFixtures'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

// A page the demo has not imported: the county page with a different last line.
const PAGE = `${readSeedPage('001')}\n\n（导入界面测试）`
const BRIEF = '宁远县:“三管齐下”,构建商贸流通领域“防毒墙”'

/** A REST call made with the page's session, as the admin itself makes them. */
function api(page: Page, path: string, method = 'GET', body?: unknown): Promise<any> {
  return page.evaluate(
    async ([url, verb, json]) => (await fetch(url, { method: verb, headers: { 'Content-Type': 'application/json' }, body: json })).json(),
    [path, method, body === undefined ? undefined : JSON.stringify(body)] as const,
  )
}

const screenshot = (page: Page, name: string, testId: string) => screenshotAtDeskWidths(page, name, { target: page.getByTestId(testId) })

/** Previews the chosen file again and waits for the new preview. */
async function previewAgain(page: Page): Promise<void> {
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/import/preview')), page.getByRole('button', { name: '预览' }).click()])
  await page.getByTestId('import-preview').waitFor()
}

/**
 * The preview element of the previous round stays on the page while React renders the new
 * answer, so a check right after the response can read the old round: wait for the new one.
 */
const articleWithStatus = (page: Page, status: string, title?: string) => {
  const item = page.locator(`[data-testid="import-article"][data-status="${status}"]`)
  return title ? item.filter({ hasText: title }) : item
}

const statuses = (page: Page) => page.getByTestId('import-article').evaluateAll((items) => items.map((item) => item.getAttribute('data-status')))

describe('the admin’s 导入版面 view', () => {
  it('imports a page with its 见报日期, 版次 and 版名 into the editors’ queue; a second preview says it is imported, and on the site once published', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await page.goto(`${running.server.baseUrl}/admin/import`)
    await page.setInputFiles('#newsroom-import-files', { name: 'county.txt', mimeType: 'text/plain', buffer: Buffer.from(PAGE) })
    await previewAgain(page)
    const preview = page.getByTestId('import-preview')
    expect(await preview.textContent()).toContain('本版 6 篇：将新建 6 篇，跳过 0 篇')
    expect(await preview.textContent()).toContain('（必填：版面文本没有写明）')
    expect(await statuses(page)).toEqual(Array(6).fill('new'))
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true)
    // The 校对 checker's findings, per article: the feature's quotation mark the page never closes among them.
    expect(await page.getByTestId('import-proofreading').count()).toBe(6)
    const feature = page.getByTestId('import-article').filter({ hasText: '打造县域经济强劲引擎' }).getByTestId('import-proofreading')
    await feature.locator('summary').click()
    expect(await feature.textContent()).toMatch(/校对：差错 \d+ 处[\s\S]*差错·标点·正文：““”/)

    await page.fill('#newsroom-import-0-date', '2025-11-13')
    await page.fill('#newsroom-import-0-page', '6')
    await page.fill('#newsroom-import-0-page-name', '县域新闻')
    await page.getByRole('button', { name: '确认导入' }).and(page.locator(':enabled')).waitFor()
    expect(await page.getByTestId('import-edition').textContent()).toBe('草稿将标为：2025年11月13日 第6版 县域新闻')
    await screenshot(page, 'import-preview-new', 'import-preview')
    await page.getByRole('button', { name: '确认导入' }).click()
    const results = page.getByTestId('import-results')
    await results.waitFor()
    expect(await results.textContent()).toContain('已新建 6 篇草稿')
    expect((await results.textContent())?.match(/校对：差错 \d+ 处，提示 \d+ 处/g)).toHaveLength(6)
    const links = await results.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))
    expect(links).toHaveLength(6)
    expect(links.every((href) => /\/admin\/collections\/articles\/\d+$/.test(href ?? ''))).toBe(true)
    const ids = links.map((href) => href!.split('/').at(-1))
    for (const id of ids) {
      const draft = await api(page, `/api/articles/${id}?draft=true&depth=0`)
      expect([draft.print.editionDate.slice(0, 10), draft.print.pageNumber, draft.print.pageName, draft.workflowState]).toEqual(['2025-11-13', 6, '县域新闻', 'draft'])
    }

    // The drafts wait in the editors' queue on the admin's home page.
    await page.goto(`${running.server.baseUrl}/admin`)
    const queue = page.getByTestId('queue-待编导入稿')
    await queue.waitFor()
    for (const id of ids) expect(await queue.locator(`a[href="/admin/collections/articles/${id}"]`).count()).toBe(1)
    await screenshot(page, 'import-queue', 'queue-待编导入稿')

    // Previewing the same page again: every article is already imported, and skipped.
    await page.goto(`${running.server.baseUrl}/admin/import`)
    await page.setInputFiles('#newsroom-import-files', { name: 'county.txt', mimeType: 'text/plain', buffer: Buffer.from(PAGE) })
    await previewAgain(page)
    await articleWithStatus(page, 'new').first().waitFor({ state: 'detached' })
    await page.fill('#newsroom-import-0-date', '2025-11-13')
    await page.fill('#newsroom-import-0-page', '6')
    await page.fill('#newsroom-import-0-page-name', '县域新闻')
    await page.getByRole('button', { name: '确认导入' }).and(page.locator(':enabled')).waitFor()
    expect(await statuses(page)).toEqual(Array(6).fill('exists'))
    expect(await preview.textContent()).toContain('已导入（草稿）')
    expect(await preview.textContent()).toContain('本版 6 篇：将新建 0 篇，跳过 6 篇')

    // One is published; the next preview says it is on the site and skips it.
    const briefId = await page.evaluate(async (title) => (await (await fetch(`/api/articles?draft=true&depth=0&where[title][equals]=${encodeURIComponent(title)}&where[print.pageNumber][equals]=6`)).json()).docs[0].id, BRIEF)
    await publishOverApi(running.server.baseUrl, briefId)
    await previewAgain(page)
    await articleWithStatus(page, 'onSite', BRIEF).waitFor({ timeout: 15_000 })
    const onSite = page.getByTestId('import-article').filter({ hasText: BRIEF })
    expect(await onSite.getAttribute('data-status')).toBe('onSite')
    expect(await onSite.textContent()).toContain('已在网站上（已发布）')
    expect(await onSite.locator(`a[href="/admin/collections/articles/${briefId}"]`).count()).toBe(1)
    expect(await onSite.locator('select').inputValue()).toBe('skip')
    await screenshot(page, 'import-preview-on-site', 'import-preview')

    const copies = () => page.evaluate(async (title) => (await (await fetch(`/api/articles?draft=true&limit=1&where[title][equals]=${encodeURIComponent(title)}`, { credentials: 'include' })).json()).totalDocs, BRIEF)
    const before = await copies()
    await page.getByRole('button', { name: '确认导入' }).click()
    await results.waitFor()
    expect(await results.textContent()).toContain('这一版的稿件都已存在，没有新建任何内容')
    expect(await results.locator('li[data-outcome="skipped"]').count()).toBe(6)
    expect(await copies()).toBe(before)
    await page.context().close()
  })

  it('imports Word copy with its photo and headline, and names the fields a plain-prose file leaves in doubt', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await page.goto(`${running.server.baseUrl}/admin/import`)
    await page.setInputFiles('#newsroom-import-files', [
      { name: 'story.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: wordFixture('story.docx') },
      { name: 'prose.txt', mimeType: 'text/plain', buffer: Buffer.from('这是一段普通的文字，没有标题，也没有署名。') },
    ])
    await previewAgain(page)
    const story = page.getByTestId('import-article').filter({ hasText: '党建引领，“红色引擎”激发多元共治新活力' })
    expect(await story.textContent()).toContain('1 张图片')
    expect(await story.getByTestId('import-low-confidence').count()).toBe(0)
    const prose = page.getByTestId('import-article').filter({ hasText: '〔待补标题〕' })
    expect(await prose.getByTestId('import-low-confidence').textContent()).toBe('把握不足，请核对：标题（0%）、署名（40%）、正文（50%）')
    for (const file of [0, 1]) {
      await page.fill(`#newsroom-import-${file}-date`, '2025-11-14')
      await page.fill(`#newsroom-import-${file}-page`, '9')
      await page.fill(`#newsroom-import-${file}-page-name`, '稿件导入')
    }
    await page.getByRole('button', { name: '确认导入' }).and(page.locator(':enabled')).waitFor()
    await page.getByRole('button', { name: '确认导入' }).click()
    const results = page.getByTestId('import-results')
    await results.waitFor()
    expect((await results.textContent())?.match(/已新建 1 篇草稿/g)).toHaveLength(2)
    await page.context().close()
  })

  it('explains a file it cannot read, in Chinese', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await page.goto(`${running.server.baseUrl}/admin/import`)
    await page.setInputFiles('#newsroom-import-files', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) })
    await page.getByRole('button', { name: '预览' }).click()
    await page.getByText('不是文本文件').waitFor()
    await page.context().close()
  })

  it('lets a journalist preview but not import: imports may create columns and bylines', async () => {
    const journalist = await signInSession(running.server.baseUrl, 'journalist@newsroom.test', PASSWORD)
    const files = [{ name: 'a.txt', content: Buffer.from(PAGE).toString('base64') }]
    expect((await journalist.rest('/api/import/preview', { method: 'POST', body: { files } })).status).toBe(200)
    const refused = await journalist.rest('/api/import', { method: 'POST', body: { files } })
    expect(refused.status).toBe(403)
    expect(refused.json.errors[0].message).toContain('只有编辑')
  })

  it('refuses anonymous callers of the import endpoints: a whole page unread, a short text after reading', async () => {
    const anonymous = session(running.server.baseUrl)
    for (const path of ['/api/import/preview', '/api/import']) {
      const page = await anonymous.rest(path, { method: 'POST', body: { files: [{ name: 'a.txt', content: Buffer.from(PAGE).toString('base64') }] } })
      expect(page.status).toBe(413)
      expect(page.json.errors[0].message).toContain('未登录时')
      const short = await anonymous.rest(path, { method: 'POST', body: { files: [{ name: 'a.txt', content: Buffer.from(PAGE.slice(0, 200)).toString('base64') }] } })
      expect(short.status).toBe(401)
      expect(short.json.errors[0].message).toContain('登录')
    }
  })
})
