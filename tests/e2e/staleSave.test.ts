import type { Page } from 'playwright-core'

import { formatChineseDateTime } from '@/newsroom/dates'
import { createDraftInAdmin, signIn, waitForStored } from '../helpers/adminSession'
import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

const stored = (page: Page, id: string): Promise<Record<string, any>> =>
  page.evaluate(async (articleId) => (await fetch(`/api/articles/${articleId}?draft=true&depth=0`)).json(), id)
const banner = (page: Page) => page.getByTestId('stale-copy-banner')

/** Payload's lock modals, when the other person's session holds the article: take over, or read on. */
async function dismissLockModal(page: Page, button: '接管' | '只读查看'): Promise<void> {
  const choice = page.getByRole('button', { name: button })
  if (await choice.isVisible().catch(() => false)) await choice.click()
}

/** What the header says where Payload shows 上次保存 (its text and the 未保存 put in its place). */
const headerSaveStatus = (page: Page) =>
  page.evaluate(() => {
    const item = document.querySelector('.doc-controls .autosave')?.closest('li')
    return { text: (document.querySelector('.doc-controls') as HTMLElement | null)?.innerText ?? '', shown: item ? getComputedStyle(item, '::after').content : '' }
  })

describe('an edit view holding an old copy of the article', () => {
  it('names the editor who changed it and when, links to the difference, and reloads the latest version', async () => {
    const { baseUrl } = running.server
    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(editor, baseUrl, '两位编辑同时修改的稿件')
    const url = `${baseUrl}/admin/collections/articles/${id}`
    await editor.reload()
    await editor.locator('#field-kicker').waitFor()

    const admin = await signIn(running.browser, baseUrl, 'admin@newsroom.test', PASSWORD)
    await admin.goto(url)
    await admin.locator('#field-summary').waitFor()
    await dismissLockModal(admin, '接管')
    await admin.locator('#field-summary').fill('管理员改定的导语')
    await waitForStored(admin, id, 'summary', '管理员改定的导语')
    const changedAt = (await stored(admin, id)).updatedAt as string

    await editor.bringToFront()
    await editor.locator('#field-kicker').fill('编辑在旧副本上写的引题').catch(() => undefined)
    await dismissLockModal(editor, '只读查看')
    await banner(editor).waitFor({ timeout: 30_000 })
    const text = await banner(editor).innerText()
    expect(text).toContain(`这篇稿件已于 ${formatChineseDateTime(changedAt)} 被演示管理员修改`)
    expect(text).toContain('您正在编辑的是旧副本')
    await editor.getByText(/对方改动了：.*导语/).waitFor()
    const header = await headerSaveStatus(editor)
    expect(header.text).not.toContain('上次保存')
    expect(header.shown).toBe('"未保存"')
    await screenshotAtDeskWidths(editor, 'stale-other-editor')

    const diff = await banner(editor).getByRole('link', { name: '查看差异' }).getAttribute('href')
    expect(diff).toMatch(new RegExp(`/admin/collections/articles/${id}/versions/\\w+$`))
    const versionView = await editor.context().newPage()
    await versionView.goto(`${baseUrl}${diff}`)
    await versionView.getByText('管理员改定的导语').first().waitFor()
    await versionView.close()

    await banner(editor).getByRole('button', { name: '重新载入最新版本' }).click()
    await expect(banner(editor).innerText()).resolves.toContain('此窗口中尚未保存的输入将会丢失')
    await Promise.all([editor.waitForEvent('load'), banner(editor).getByRole('button', { name: '确定重新载入' }).click()])
    await dismissLockModal(editor, '接管')
    await expect(editor.locator('#field-summary').inputValue()).resolves.toBe('管理员改定的导语')
    await expect(banner(editor).count()).resolves.toBe(0)
  })

  it('tells the same editor it was their other window, and copies what this one holds', async () => {
    const { baseUrl } = running.server
    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl })
    const id = await createDraftInAdmin(editor, baseUrl, '两个窗口里的稿件')
    await editor.reload()
    await editor.locator('#field-kicker').waitFor()

    const otherWindow = await editor.context().newPage()
    await otherWindow.goto(`${baseUrl}/admin/collections/articles/${id}`)
    await otherWindow.locator('#field-summary').fill('另一个窗口写下的导语')
    await waitForStored(otherWindow, id, 'summary', '另一个窗口写下的导语')
    const changedAt = (await stored(otherWindow, id)).updatedAt as string

    await editor.bringToFront()
    await editor.locator('#field-kicker').fill('旧窗口里的引题')
    await banner(editor).waitFor({ timeout: 30_000 })
    await expect(banner(editor).innerText()).resolves.toContain(`您在另一个窗口中修改过这篇稿件（${formatChineseDateTime(changedAt)}）`)
    await editor.getByText(/另一个窗口改动了：.*导语/).waitFor()
    await editor.getByText(/您在这里尚未保存的改动：.*引题/).waitFor()
    expect((await headerSaveStatus(editor)).text).not.toContain('上次保存')
    // The refused change stays unsaved.
    expect((await stored(editor, id)).kicker ?? null).toBeNull()

    await banner(editor).getByRole('button', { name: '复制我的修改' }).click()
    await banner(editor).getByRole('status').waitFor()
    await expect(editor.evaluate(() => navigator.clipboard.readText())).resolves.toBe('【引题】\n旧窗口里的引题')
    await screenshotAtDeskWidths(editor, 'stale-other-window')
  })
})

describe('创建新条目 clicked and never typed into', () => {
  it('leaves no empty draft behind, and keeps one that was typed into', async () => {
    const { baseUrl } = running.server
    const journalist = await signIn(running.browser, baseUrl, 'journalist@newsroom.test', PASSWORD)
    const listUrl = `${baseUrl}/admin/collections/articles`
    const count = async () => ((await journalist.evaluate(async () => (await fetch('/api/articles?draft=true&limit=1&depth=0')).json())) as { totalDocs: number }).totalDocs
    await journalist.goto(listUrl)
    const before = await count()

    const leaveForList = async () => {
      await Promise.all([journalist.waitForURL(/\/admin\/collections\/articles\/?(\?.*)?$/), journalist.locator(`.step-nav a[href="/admin/collections/articles"]`).first().click()])
      await journalist.locator('.collection-list').waitFor()
    }
    await journalist.locator('a[href="/admin/collections/articles/create"]', { hasText: '创建新条目' }).first().click()
    await journalist.waitForURL(/\/admin\/collections\/articles\/\d+/)
    const untouched = journalist.url().split('/').pop()!.split('?')[0]
    await journalist.locator('#field-title').waitFor()
    await journalist.waitForTimeout(4_500) // past the autosave interval (3 s)
    await leaveForList()
    await expect(count()).resolves.toBe(before)
    await expect(journalist.locator(`a[href="/admin/collections/articles/${untouched}"]`).count()).resolves.toBe(0)
    await expect(journalist.evaluate(async (articleId) => (await fetch(`/api/articles/${articleId}?draft=true`)).status, untouched)).resolves.toBe(404)
    await screenshotAtDeskWidths(journalist, 'create-untouched-list')

    await journalist.locator('a[href="/admin/collections/articles/create"]', { hasText: '创建新条目' }).first().click()
    await journalist.waitForURL(/\/admin\/collections\/articles\/\d+/)
    const typed = journalist.url().split('/').pop()!.split('?')[0]
    await journalist.locator('#field-title').fill('记者写了主题就离开')
    await waitForStored(journalist, typed, 'title', '记者写了主题就离开')
    await leaveForList()
    await expect(count()).resolves.toBe(before + 1)
    await journalist.locator(`a[href="/admin/collections/articles/${typed}"]`).first().waitFor()
  })
})
