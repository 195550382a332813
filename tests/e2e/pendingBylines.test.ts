import type { Locator, Page } from 'playwright-core'

import { confirmationDialog, createDraftInAdmin, runWorkflowAction, signIn, workflowState } from '../helpers/adminSession'
import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'
import { session } from '../helpers/restClient'
import { signPendingLevelsOverApi } from '../helpers/demoChain'

const PASSWORD = 'newsroom-demo'
const CORRESPONDENT = '谭新颖'
const running = useDemoServer({ withBrowser: true })

/** A REST call made with the page's session, as the admin itself makes them. */
function api(page: Page, path: string, method = 'GET', body?: unknown): Promise<any> {
  return page.evaluate(
    async ([url, verb, json]) => (await fetch(url, { method: verb, headers: { 'Content-Type': 'application/json' }, body: json })).json(),
    [path, method, body === undefined ? undefined : JSON.stringify(body)] as const,
  )
}

const screenshot = (page: Page, name: string, target?: Locator) => screenshotAtDeskWidths(page, name, { target, fullPageAt: () => !target })

/** Picks an option of one of Payload's select or relationship inputs. */
async function choose(field: Locator, option: string): Promise<void> {
  await field.locator('.rs__control').click()
  await field.page().locator('.rs__option', { hasText: option }).first().click()
}

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition never met')
    await new Promise((resolve) => setTimeout(resolve, 300))
  }
}

async function waitForBylines(page: Page, id: string, count: number): Promise<any[]> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const article = await api(page, `/api/articles/${id}?draft=true&depth=1`)
    // Autosave may first store a row just added, before its byline is picked.
    if (article.bylines?.length === count && article.bylines.every((row: { byline?: unknown }) => row.byline)) return article.bylines
    await page.waitForTimeout(500)
  }
  throw new Error(`article ${id} never stored ${count} bylines`)
}

describe('a journalist credits a new correspondent, an editor confirms the name', () => {
  it('pre-fills the own byline, creates the new one as pending from the picker, blocks 签发 and hides it until confirmed', async () => {
    const { baseUrl } = running.server
    const anonymous = session(baseUrl)

    // The journalist's new article starts with their own byline.
    const journalist = await signIn(running.browser, baseUrl, 'journalist@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(journalist, baseUrl, '新化县融媒体中心报道')
    await journalist.locator('.tabs-field__tab-button', { hasText: '专栏与署名' }).click()
    const [own] = await waitForBylines(journalist, id, 1)
    expect(own).toMatchObject({ byline: { name: '演示记者', kind: 'staff' }, role: 'staffReporter' })
    // The picker shows the name once it has fetched its label.
    await journalist.locator('#field-bylines__0__byline', { hasText: '演示记者' }).waitFor({ timeout: 15_000 })

    // A new correspondent, from the picker's "新增 署名" drawer.
    await journalist.locator('#field-bylines .array-field__add-row').click()
    const newRow = journalist.locator('#field-bylines__1__byline')
    await newRow.locator('.relationship-add-new__add-button').click()
    const drawer = journalist.locator('.drawer--is-open')
    await drawer.locator('#field-name').fill(CORRESPONDENT)
    await choose(drawer.locator('#field-kind'), '通讯员')
    await drawer.locator('#field-organisation').fill('新化县融媒体中心')
    await expect(drawer.locator('#field-status .rs__single-value').innerText()).resolves.toBe('待确认')
    await screenshot(journalist, 'pending-byline-drawer')
    await drawer.getByRole('button', { name: '保存' }).click()
    await journalist.getByText(/成功创建/).first().waitFor()
    // The drawer may stay open on the saved byline: close it as a user would.
    if (await drawer.isVisible()) await drawer.locator('.doc-drawer__header-close').click()
    await drawer.waitFor({ state: 'detached' })
    await choose(journalist.locator('#field-bylines__1__role'), '通讯员')
    await expect(newRow.innerText()).resolves.toContain(CORRESPONDENT)
    const [, credited] = await waitForBylines(journalist, id, 2)
    expect(credited.byline).toMatchObject({ name: CORRESPONDENT, organisation: '新化县融媒体中心', status: 'pending' })
    const bylineId = credited.byline.id
    await screenshot(journalist, 'pending-byline-article', journalist.locator('#field-bylines'))
    await runWorkflowAction(journalist, '提交审核')

    // Outsiders cannot see the proposal.
    expect((await anonymous.rest(`/api/bylines/${bylineId}`)).status).toBe(404)
    expect(JSON.stringify((await anonymous.rest('/api/bylines?limit=100')).json)).not.toContain(CORRESPONDENT)
    expect(JSON.stringify(await anonymous.graphql('{ Bylines(limit: 100) { docs { id name } } }'))).not.toContain(CORRESPONDENT)
    expect(JSON.stringify(await anonymous.graphql(`{ Byline(id: ${bylineId}) { name } }`))).not.toContain(CORRESPONDENT)

    // The editor finds it on the dashboard and in the bylines list.
    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    const queue = editor.getByTestId('queue-待确认署名')
    await expect(queue.innerText()).resolves.toContain(CORRESPONDENT)
    await screenshot(editor, 'pending-byline-dashboard', queue)
    await editor.goto(`${baseUrl}/admin/collections/bylines?where[status][equals]=pending`)
    const row = editor.locator('tr', { hasText: CORRESPONDENT })
    await expect(row.innerText()).resolves.toContain('待确认')
    await screenshot(editor, 'pending-byline-list')

    // 发布 is refused, naming the byline, though every level has signed.
    await signPendingLevelsOverApi(baseUrl, id)
    await editor.goto(`${baseUrl}/admin/collections/articles/${id}`)
    await editor.getByTestId('workflow-panel').getByRole('button', { name: '发布', exact: true }).click()
    await confirmationDialog(editor).locator('#confirm-action').click()
    const alert = editor.getByTestId('workflow-panel').getByRole('alert')
    await expect(alert.innerText()).resolves.toContain(`署名“${CORRESPONDENT}（新化县融媒体中心）”尚待编辑确认`)
    await expect(workflowState(editor)).resolves.toBe('已签发')
    await screenshot(editor, 'pending-byline-refused', editor.getByTestId('workflow-panel'))

    // The editor confirms it from the dashboard's link.
    await editor.goto(`${baseUrl}/admin`)
    await Promise.all([editor.waitForURL(new RegExp(`/admin/collections/bylines/${bylineId}`)), queue.getByRole('link', { name: CORRESPONDENT }).click()])
    await choose(editor.locator('#field-status'), '已确认')
    await editor.locator('.doc-controls').getByRole('button', { name: '保存' }).click()
    await waitFor(async () => (await api(editor, `/api/bylines/${bylineId}`)).status === 'confirmed')
    await screenshot(editor, 'pending-byline-confirmed')
    expect((await anonymous.rest(`/api/bylines/${bylineId}`)).json).toMatchObject({ name: CORRESPONDENT })

    await editor.goto(`${baseUrl}/admin/collections/articles/${id}`)
    await runWorkflowAction(editor, '发布')
    await expect(workflowState(editor)).resolves.toBe('已发布')
  })
})
