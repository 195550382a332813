import type { Page } from 'playwright-core'

import { confirmationDialog, createDraftInAdmin, runWorkflowAction, signIn, workflowState } from '../helpers/adminSession'
import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'
import { signPendingLevelsOverApi } from '../helpers/demoChain'

const PASSWORD = 'newsroom-demo'
const RETURN_NOTE = '请补充两位受访者的姓名和职务，导语压缩到两句。'
const RETRACTION_NOTICE = '经核实，本文所引数据有误，予以撤稿。'
const running = useDemoServer({ withBrowser: true })

/** A REST call made with the page's session, as the admin itself makes them. */
function api(page: Page, path: string, method = 'GET', body?: unknown): Promise<{ status: number; json: any }> {
  return page.evaluate(
    async ([url, verb, json]) => {
      const response = await fetch(url, { method: verb, headers: { 'Content-Type': 'application/json' }, body: json })
      return { status: response.status, json: await response.json() }
    },
    [path, method, body === undefined ? undefined : JSON.stringify(body)] as const,
  )
}
const panel = (page: Page) => page.getByTestId('workflow-panel')
const BEIJING_TIME = /\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/

const screenshots = (page: Page, name: string, check?: (width: number) => Promise<void>) =>
  screenshotAtDeskWidths(page, name, { heightAt: (width) => (width === 390 ? 844 : 800), beforeShot: check })

/** Wholly inside the visible part of the page, without scrolling. */
async function expectInFirstScreen(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox()
  const viewport = page.viewportSize()!
  expect(box).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height)
}

describe('a returned article and its note, withdrawing, and the confirmations of 发布, 撤稿 and deletion', () => {
  it('shows the return note to the journalist; lets them withdraw a fresh submission; asks before 发布, 撤稿 and deleting a published article', async () => {
    const { baseUrl } = running.server
    const journalist = await signIn(running.browser, baseUrl, 'journalist@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(journalist, baseUrl, '退回理由端到端测试稿件')
    const articleUrl = `${baseUrl}/admin/collections/articles/${id}`
    await journalist.reload()
    await runWorkflowAction(journalist, '提交审核')

    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.goto(articleUrl)
    await runWorkflowAction(editor, '退回修改', RETURN_NOTE)
    await expect(workflowState(editor)).resolves.toBe('退回')

    // The dashboard: why, who, when (Beijing time).
    await journalist.goto(`${baseUrl}/admin`)
    const returnedQueue = journalist.getByTestId('queue-退回给我')
    await expect(returnedQueue.innerText()).resolves.toContain('退回理由端到端测试稿件')
    const dashboardNote = await returnedQueue.getByTestId('return-note').innerText()
    expect(dashboardNote).toContain(RETURN_NOTE)
    expect(dashboardNote).toContain('演示编辑')
    expect(dashboardNote).toMatch(BEIJING_TIME)
    await screenshots(journalist, 'return-dashboard')

    // The article: the note above the fields, in the first screen, and in the panel.
    await journalist.goto(articleUrl)
    const banner = journalist.getByTestId('return-note-banner')
    await banner.waitFor()
    for (const text of [RETURN_NOTE, '演示编辑']) await expect(banner.innerText()).resolves.toContain(text)
    await expect(banner.innerText()).resolves.toMatch(BEIJING_TIME)
    await expect(panel(journalist).getByTestId('return-note-panel').innerText()).resolves.toContain(RETURN_NOTE)
    await screenshots(journalist, 'return-article', async () => expectInFirstScreen(journalist, 'return-note-banner'))

    // Resubmitted: the banner goes; withdrawn before review: back to a draft the journalist edits.
    await runWorkflowAction(journalist, '提交审核')
    await expect(journalist.getByTestId('return-note-banner').count()).resolves.toBe(0)
    await expect(journalist.getByTestId('return-note-panel').count()).resolves.toBe(0)
    await runWorkflowAction(journalist, '撤回')
    await expect(workflowState(journalist)).resolves.toBe('草稿')
    await journalist.locator('#field-summary').fill('撤回后补写的导语。')
    await runWorkflowAction(journalist, '提交审核')
    await editor.goto(articleUrl)
    await runWorkflowAction(editor, '初审签字')
    const late = await api(journalist, `/api/articles/${id}/workflow`, 'POST', { action: 'withdraw' })
    expect(late.status).toBe(409)
    expect(late.json.errors[0].message).toContain('不能再撤回')
    const history = await api(editor, `/api/workflow-events?where[article][equals]=${id}&sort=createdAt&depth=0&limit=50`)
    expect(history.json.docs.map((event: { action: string }) => event.action)).toEqual(['submit', 'return', 'submit', 'withdraw', 'submit', 'sign'])

    // 发布, once every level has signed, asks first, saying where it goes live; cancelling does nothing.
    await signPendingLevelsOverApi(baseUrl, id)
    await editor.reload()
    await panel(editor).getByRole('button', { name: '发布', exact: true }).click()
    const dialog = confirmationDialog(editor)
    await dialog.getByTestId('confirm-publish').waitFor()
    const { json: article } = await api(editor, `/api/articles/${id}?draft=true&depth=0`)
    await expect(dialog.getByTestId('confirm-public-url').innerText()).resolves.toBe(`${baseUrl}/articles/${article.slug}`)
    await screenshots(editor, 'confirm-publish')
    await dialog.locator('#confirm-cancel').click()
    await expect(dialog.count()).resolves.toBe(0)
    await expect(workflowState(editor)).resolves.toBe('已签发')
    await runWorkflowAction(editor, '发布')
    await expect(workflowState(editor)).resolves.toBe('已发布')

    // 撤稿, the 终审 level's decision, shows the notice as readers will see it; cancelling leaves the article published.
    await expect(panel(editor).getByRole('button', { name: '撤稿' }).count()).resolves.toBe(0)
    const chief = await signIn(running.browser, baseUrl, 'chief@newsroom.test', PASSWORD)
    await chief.goto(articleUrl)
    const chiefDialog = confirmationDialog(chief)
    await panel(chief).locator('textarea').fill(RETRACTION_NOTICE)
    await panel(chief).getByRole('button', { name: '撤稿' }).click()
    const preview = chiefDialog.getByTestId('retraction-preview')
    await preview.waitFor()
    await expect(preview.locator('.retraction__notice').innerText()).resolves.toBe(RETRACTION_NOTICE)
    await expect(preview.locator('h1').innerText()).resolves.toBe('退回理由端到端测试稿件')
    await expect(chiefDialog.getByTestId('confirm-retract').innerText()).resolves.toContain('订阅源和站内搜索')
    await screenshots(chief, 'confirm-retract')
    await chiefDialog.locator('#confirm-cancel').click()
    await expect(chiefDialog.count()).resolves.toBe(0)
    await expect(workflowState(chief)).resolves.toBe('已发布')
    const { json: stillPublished } = await api(editor, `/api/articles/${id}?depth=0`)
    expect(stillPublished).toMatchObject({ workflowState: 'published', _status: 'published' })
    expect(stillPublished.retraction?.retractedAt ?? null).toBeNull()

    // Payload's 删除 of a published article says, in Payload's own dialog, what readers lose.
    await editor.locator('.doc-controls__dots').click()
    await editor.locator('#action-delete').click()
    const deletion = dialog.getByTestId('confirm-delete-published')
    await deletion.waitFor()
    await expect(deletion.innerText()).resolves.toContain(`${baseUrl}/articles/${article.slug}`)
    await expect(deletion.innerText()).resolves.toContain('撤稿')
    await screenshots(editor, 'confirm-delete-published')
    await dialog.locator('#confirm-cancel').click()
    await expect(dialog.count()).resolves.toBe(0)

    const reader = await running.browser.newPage()
    await reader.goto(`${baseUrl}/articles/${article.slug}`)
    await expect(reader.locator('.standfirst').innerText()).resolves.toBe('撤回后补写的导语。')
    await expect(reader.locator('.retraction__notice').count()).resolves.toBe(0)
  })
})
