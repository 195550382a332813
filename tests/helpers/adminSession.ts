import type { Browser, Page } from 'playwright-core'

/** A signed-in admin session in its own browser context (its own cookies). */
export async function signIn(browser: Browser, baseUrl: string, email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  await page.goto(`${baseUrl}/admin/login`)
  await page.fill('#field-email', email)
  await page.fill('#field-password', password)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/admin\/?$/)
  return page
}

export async function workflowState(page: Page): Promise<string> {
  return page.getByTestId('workflow-state').innerText()
}

/** The open confirmation dialog (Payload's ConfirmationModal), as 签发 and 撤稿 ask first. */
export const confirmationDialog = (page: Page) => page.locator('.confirmation-modal')

/** Confirms the open dialog and waits for the reload the confirmed action ends with. */
export async function confirmAndReload(page: Page): Promise<void> {
  await Promise.all([page.waitForEvent('load'), confirmationDialog(page).locator('#confirm-action').click()])
}

/** Clicks a workflow action in the article's sidebar panel, confirms it when asked, and waits for the reload. */
export async function runWorkflowAction(page: Page, label: string, note?: string): Promise<void> {
  if (note) await page.getByTestId('workflow-panel').locator('textarea').fill(note)
  const reloaded = page.waitForEvent('load')
  await page.getByTestId('workflow-panel').getByRole('button', { name: label, exact: true }).click()
  const confirm = confirmationDialog(page).locator('#confirm-action')
  const asked = await Promise.race([reloaded.then(() => false), confirm.waitFor().then(() => true)])
  if (asked) await Promise.all([reloaded, confirm.click()])
  await page.getByTestId('workflow-state').waitFor()
}

/** Waits until the server has stored `value` in the article's latest draft (autosave is asynchronous). */
export async function waitForStored(page: Page, id: string, field: string, value: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const stored = await page.evaluate(
      async ([articleId, name]) => ((await (await fetch(`/api/articles/${articleId}?draft=true&depth=0`)).json()) as Record<string, unknown>)[name],
      [id, field] as const,
    )
    if (stored === value) return
    await page.waitForTimeout(500)
  }
  throw new Error(`article ${id} never stored ${field} = ${value}`)
}

/** Opens a new article: with autosave on, typing a headline creates the draft. */
export async function createDraftInAdmin(page: Page, baseUrl: string, title: string): Promise<string> {
  await page.goto(`${baseUrl}/admin/collections/articles/create`)
  await page.waitForURL(/\/admin\/collections\/articles\/\d+/)
  await page.locator('#field-title').fill(title)
  const id = page.url().split('/').pop()!.split('?')[0]
  await waitForStored(page, id, 'title', title)
  return id
}
