import type { Page } from 'playwright-core'

import { confirmationDialog, createDraftInAdmin, runWorkflowAction, signIn, workflowState } from '../helpers/adminSession'
import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'
import { signPendingLevelsOverApi } from '../helpers/demoChain'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

/** A REST call made with the page's session, as the admin itself makes them. */
function api(page: Page, path: string, method = 'GET', body?: unknown): Promise<any> {
  return page.evaluate(
    async ([url, verb, json]) => (await fetch(url, { method: verb, headers: { 'Content-Type': 'application/json' }, body: json })).json(),
    [path, method, body === undefined ? undefined : JSON.stringify(body)] as const,
  )
}
const stored = (page: Page, id: string) => api(page, `/api/articles/${id}?draft=true&depth=0`)
const panel = (page: Page) => page.getByTestId('workflow-panel')

const screenshotPanel = (page: Page, name: string) => screenshotAtDeskWidths(page, name, { target: panel(page) })

describe('a workflow button saves the changes the autosave has not saved yet', () => {
  it('stores a change typed just before 提交审核 and 初审签字 with the new state, and one typed before 发布 goes back to 待终审', async () => {
    const { baseUrl } = running.server
    const journalist = await signIn(running.browser, baseUrl, 'journalist@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(journalist, baseUrl, '未保存修改与流程操作')
    await journalist.reload()
    await journalist.locator('#field-summary').fill('记者在提交前一刻写下的导语。')
    await runWorkflowAction(journalist, '提交审核')
    await expect(stored(journalist, id)).resolves.toMatchObject({ summary: '记者在提交前一刻写下的导语。', workflowState: 'pendingFirst' })
    await expect(journalist.locator('#field-summary').inputValue()).resolves.toBe('记者在提交前一刻写下的导语。')
    await expect(workflowState(journalist)).resolves.toBe('待初审')

    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.goto(`${baseUrl}/admin/collections/articles/${id}`)
    await editor.locator('#field-title').fill('编辑在初审签字前改定的主题')
    await runWorkflowAction(editor, '初审签字')
    await expect(stored(editor, id)).resolves.toMatchObject({ title: '编辑在初审签字前改定的主题', workflowState: 'pendingSecond' })
    await expect(editor.locator('#field-title').inputValue()).resolves.toBe('编辑在初审签字前改定的主题')
    await expect(workflowState(editor)).resolves.toBe('待复审')
    await screenshotPanel(editor, 'pending-first-signed')

    await signPendingLevelsOverApi(baseUrl, id)
    await editor.reload()
    await expect(workflowState(editor)).resolves.toBe('已签发')
    // One 发布, in the workflow panel: the document controls do not offer a second one.
    await expect(editor.getByRole('button', { name: '发布', exact: true }).count()).resolves.toBe(1)
    await expect(editor.locator('.doc-controls').getByRole('button', { name: /签发|发布/ }).count()).resolves.toBe(0)
    // A change typed after 终审 is saved, but nobody signed it: it waits for 终审 again, unpublished.
    await editor.locator('#field-summary').fill('编辑在发布前一刻改定的导语。')
    await panel(editor).getByRole('button', { name: '发布', exact: true }).click()
    await confirmationDialog(editor).locator('#confirm-action').click()
    await expect(panel(editor).getByRole('alert').innerText()).resolves.toMatch(/您的修改已保存，但“发布”没有执行。.*待终审/s)
    await expect(stored(editor, id)).resolves.toMatchObject({ summary: '编辑在发布前一刻改定的导语。', workflowState: 'pendingFinal', _status: 'draft' })
  })

  it('does not act when the save is refused, and says why: a 201-character headline, a stale copy, an embargo', async () => {
    const { baseUrl } = running.server
    const journalist = await signIn(running.browser, baseUrl, 'journalist@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(journalist, baseUrl, '保存失败时不执行流程操作')
    await expect(api(journalist, `/api/articles/${id}/workflow`, 'POST', { action: 'submit' })).resolves.toMatchObject({ state: 'pendingFirst' })
    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.goto(`${baseUrl}/admin/collections/articles/${id}`)

    await editor.locator('#field-title').fill('长'.repeat(201))
    await panel(editor).getByRole('button', { name: '初审签字' }).click()
    const alert = panel(editor).getByRole('alert')
    await expect(alert.innerText()).resolves.toMatch(/未能保存.*初审签字.*主题最多 200 个字/s)
    await expect(stored(editor, id)).resolves.toMatchObject({ title: '保存失败时不执行流程操作', workflowState: 'pendingFirst' })
    await expect(workflowState(editor)).resolves.toBe('待初审')
    await screenshotPanel(editor, 'pending-refused')

    await editor.reload()
    const before = await stored(editor, id)
    await api(editor, `/api/articles/${id}?draft=true`, 'PATCH', { kicker: '另一次保存', updatedAt: before.updatedAt, _status: 'draft' })
    await editor.locator('#field-summary').fill('旧副本上的导语')
    await panel(editor).getByRole('button', { name: '初审签字' }).click()
    await expect(alert.innerText()).resolves.toMatch(/未能保存.*初审签字.*(被他人修改|在另一个窗口中修改过)/s)
    const afterStale = await stored(editor, id)
    expect(afterStale).toMatchObject({ kicker: '另一次保存', workflowState: 'pendingFirst' })
    expect(afterStale.summary).not.toBe('旧副本上的导语')

    // A signed article under embargo is not published, and says why.
    await signPendingLevelsOverApi(baseUrl, id)
    const signed = await stored(editor, id)
    const embargo = new Date(Date.now() + 86_400_000).toISOString()
    await api(editor, `/api/articles/${id}?draft=true`, 'PATCH', { embargoUntil: embargo, updatedAt: signed.updatedAt, _status: 'draft' })
    await editor.reload()
    await panel(editor).getByRole('button', { name: '发布', exact: true }).click()
    await confirmationDialog(editor).locator('#confirm-action').click()
    await expect(alert.innerText()).resolves.toMatch(/稿件处于禁发期/s)
    await expect(stored(editor, id)).resolves.toMatchObject({ workflowState: 'signed', _status: 'draft' })
  })
})
