import type { Page } from 'playwright-core'

import { formatChineseDateTime } from '@/newsroom/dates'
import { createDraftInAdmin, runWorkflowAction, signIn, waitForStored, workflowState } from '../helpers/adminSession'
import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'
import { signPendingLevelsOverApi } from '../helpers/demoChain'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

const stored = (page: Page, id: string) => page.evaluate(async (articleId) => (await fetch(`/api/articles/${articleId}?draft=true&depth=0`)).json(), id)
const headerStatus = (page: Page) => page.getByTestId('workflow-status').innerText()

/** Payload's admin date format (admin.dateFormat), in Beijing time. */
function beijingAdminTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  )
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`
}

describe('one status and one 发布 for the desk', () => {
  let id: string

  it('shows the 流程状态 and no 草稿/已发布 pill in the header, offers one 发布, and prints a typed ——副题 with one dash', async () => {
    const { baseUrl } = running.server
    const journalist = await signIn(running.browser, baseUrl, 'journalist@newsroom.test', PASSWORD)
    id = await createDraftInAdmin(journalist, baseUrl, '只显示一个状态的稿件')
    await journalist.locator('#field-subtitle').fill('——记者手记')
    await waitForStored(journalist, id, 'subtitle', '记者手记')
    await journalist.reload()
    await expect(headerStatus(journalist)).resolves.toBe('流程状态：草稿')
    await runWorkflowAction(journalist, '提交审核')
    await expect(headerStatus(journalist)).resolves.toBe('流程状态：待初审')

    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.goto(`${baseUrl}/admin/collections/articles/${id}`)
    await signPendingLevelsOverApi(baseUrl, id)
    await editor.reload()
    // Payload's pill read 状态: 草稿 for a signed article.
    await expect(headerStatus(editor)).resolves.toBe('流程状态：已签发')
    await expect(editor.locator('.doc-controls').innerText()).resolves.not.toMatch(/(^|[^程])状态[:：]/)
    // The panel asks the server for its actions after the page loads.
    await editor.getByTestId('workflow-panel').getByRole('button', { name: '发布', exact: true }).waitFor()
    await expect(editor.getByRole('button', { name: '发布', exact: true }).count()).resolves.toBe(1)
    await expect(editor.locator('.doc-controls').getByRole('button', { name: /签发|发布/ }).count()).resolves.toBe(0)
    await screenshotAtDeskWidths(editor, 'status-approved')

    await runWorkflowAction(editor, '发布')
    await expect(workflowState(editor)).resolves.toBe('已发布')
    await expect(headerStatus(editor)).resolves.toBe('流程状态：已发布')
    await expect(editor.getByRole('button', { name: '发布', exact: true }).count()).resolves.toBe(0)

    const { slug } = await stored(editor, id)
    const reader = await running.browser.newPage()
    await reader.goto(`${baseUrl}/articles/${slug}`)
    await expect(reader.locator('.subtitle').innerText()).resolves.toBe('——记者手记')
    await reader.close()
    await editor.context().close()
    await journalist.context().close()
  })

  it('discards a published article’s unpublished changes with its own action instead of Payload’s failing 恢复到已发布', async () => {
    const { baseUrl } = running.server
    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.goto(`${baseUrl}/admin/collections/articles/${id}`)
    await editor.locator('#field-summary').fill('还没有发布的导语改动')
    await waitForStored(editor, id, 'summary', '还没有发布的导语改动')
    await editor.reload()
    await expect(headerStatus(editor)).resolves.toMatch(/^流程状态：已发布（有未发布的修改）\s*—\s*放弃修改，恢复线上版本$/)
    await expect(editor.locator('#action-revert-to-published').count()).resolves.toBe(0)
    await screenshotAtDeskWidths(editor, 'status-unpublished-changes')

    await editor.locator('#action-discard-unpublished-changes').click()
    await Promise.all([editor.waitForEvent('load'), editor.getByRole('button', { name: '放弃修改', exact: true }).click()])
    await expect(headerStatus(editor)).resolves.toBe('流程状态：已发布')
    await expect(editor.locator('#field-summary').inputValue()).resolves.toBe('')
    await expect(stored(editor, id)).resolves.toMatchObject({ workflowState: 'published', _status: 'published' })
    expect((await stored(editor, id)).summary ?? '').toBe('')
    await editor.context().close()
  })

  it('lists articles and versions by 流程状态 only, with versions saved in Beijing time', async () => {
    const { baseUrl } = running.server
    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    expect(await editor.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).not.toBe('Asia/Shanghai')

    await editor.goto(`${baseUrl}/admin/collections/articles`)
    await editor.locator('.collection-list table').waitFor()
    const headings = await editor.locator('.collection-list table thead th').allInnerTexts()
    expect(headings.map((text) => text.trim())).toContain('流程状态')
    await editor.locator('.list-controls__toggle-columns').click()
    await editor.locator('.pill-selector .pill-selector__pill').first().waitFor()
    const offered = (await editor.locator('.pill-selector .pill-selector__pill').allInnerTexts()).map((text) => text.trim())
    expect(offered).toContain('流程状态')
    expect(offered.filter((text) => /状态/.test(text) && text !== '流程状态')).toEqual([])
    await screenshotAtDeskWidths(editor, 'status-list')

    await editor.goto(`${baseUrl}/admin/collections/articles/${id}/versions?limit=50`)
    const states = editor.getByTestId('version-workflow-state')
    await states.first().waitFor()
    const shown = (await states.allInnerTexts()).map((text) => text.replace(/\s+/g, ''))
    for (const state of ['已发布', '已签发', '待初审', '草稿']) expect(shown.some((text) => text.startsWith(state))).toBe(true)
    expect(shown.filter((text) => text.includes('线上版本'))).toEqual(['已发布线上版本'])
    await expect(editor.locator('main.versions').innerText()).resolves.not.toMatch(/当前已发布版本|之前发布过的版本/)
    await screenshotAtDeskWidths(editor, 'status-versions')

    const { docs } = await editor.evaluate(
      async (articleId) => (await fetch(`/api/articles/versions?where[parent][equals]=${articleId}&sort=-updatedAt&limit=1&depth=0`)).json(),
      id,
    )
    const newest = docs[0] as { id: number | string; updatedAt: string }
    await expect(editor.locator('main.versions table tbody tr').first().locator('a').innerText()).resolves.toBe(formatChineseDateTime(newest.updatedAt))
    await editor.goto(`${baseUrl}/admin/collections/articles/${id}/versions/${newest.id}`)
    const breadcrumb = editor.locator('.step-nav')
    await breadcrumb.getByText(beijingAdminTime(newest.updatedAt)).waitFor({ timeout: 30_000 })
    await screenshotAtDeskWidths(editor, 'status-version-breadcrumb')
    await editor.context().close()
  })
})
