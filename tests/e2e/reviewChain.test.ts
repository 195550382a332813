import type { Page } from 'playwright-core'

import { runWorkflowAction, signIn, waitForStored, workflowState } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

/** The colours custom.scss gives each stage of 修改留痕. */
const STAGE_COLOURS = { writing: 'rgb(55, 71, 79)', first: 'rgb(13, 71, 161)', second: 'rgb(106, 27, 154)', final: 'rgb(183, 28, 28)' }

async function edit(page: Page, id: string, field: 'title' | 'summary', value: string) {
  await page.locator(`#field-${field}`).fill(value)
  await waitForStored(page, id, field, value)
  await page.reload()
}

async function insertionsAt(page: Page, stage: keyof typeof STAGE_COLOURS) {
  return page.locator(`[data-testid="revision"][data-stage="${stage}"] ins`).evaluateAll((nodes) => nodes.map((node) => ({ text: node.textContent, colour: getComputedStyle(node).color })))
}

describe('三审 in a real browser, from a journalist’s draft to the reader', () => {
  it('signs, edits, re-signs and publishes at its time, and shows the review sheet and 修改留痕 in the stages’ colours', async () => {
    const { baseUrl } = running.server
    const journalist = await signInSession(baseUrl, 'journalist@newsroom.test', PASSWORD)
    const { json: created } = await journalist.rest('/api/articles?draft=true', { method: 'POST', body: { title: '全省新改建农村公路5000公里', summary: '全媒体记者张福芳报道：今年全省将新改建农村公路5000公里。' } })
    const id = String(created.doc.id)
    const articleUrl = `${baseUrl}/admin/collections/articles/${id}`
    const submitted = await journalist.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'submit' } })
    expect(submitted.json.state).toBe('pendingFirst')

    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.goto(articleUrl)
    await edit(editor, id, 'summary', '全媒体记者张福方报道：今年全省将新改建农村公路5000公里。')
    await runWorkflowAction(editor, '初审签字')
    await expect(workflowState(editor)).resolves.toBe('待复审')

    const deskHead = await signIn(running.browser, baseUrl, 'desk@newsroom.test', PASSWORD)
    await deskHead.goto(articleUrl)
    await edit(deskHead, id, 'title', '全省今年新改建农村公路5000公里')
    await runWorkflowAction(deskHead, '复审签字')
    const proofreader = await signIn(running.browser, baseUrl, 'proof@newsroom.test', PASSWORD)
    await proofreader.goto(articleUrl)
    await runWorkflowAction(proofreader, '校对签字')
    const chief = await signIn(running.browser, baseUrl, 'chief@newsroom.test', PASSWORD)
    await chief.goto(articleUrl)
    await runWorkflowAction(chief, '终审签字', '同意签发')
    await expect(workflowState(chief)).resolves.toBe('已签发')

    const publishAt = new Date(Date.now() + 45_000)
    const chiefApi = await signInSession(baseUrl, 'chief@newsroom.test', PASSWORD)
    const scheduled = await chiefApi.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'schedule', publishAt: publishAt.toISOString() } })
    expect(scheduled.json.state).toBe('scheduled')

    // A change after 终审 voids the 签发 until the 终审 signs again.
    await editor.goto(articleUrl)
    await edit(editor, id, 'summary', '全媒体记者张福方报道：今年全省计划新改建农村公路5000公里。')
    await expect(workflowState(editor)).resolves.toBe('待终审')
    await chief.goto(articleUrl)
    await runWorkflowAction(chief, '终审签字')
    await expect(workflowState(chief)).resolves.toBe('已排期')

    const slug = (await chiefApi.rest(`/api/articles/${id}?draft=true&depth=0`)).json.slug
    const reader = await running.browser.newPage()
    const deadline = publishAt.getTime() + 90_000
    let status = 0
    while (Date.now() < deadline && status !== 200) {
      status = (await reader.goto(`${baseUrl}/articles/${slug}`))?.status() ?? 0
      if (status !== 200) await reader.waitForTimeout(2_000)
    }
    expect(status).toBe(200)
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime())
    await expect(reader.locator('.standfirst').innerText()).resolves.toBe('全媒体记者张福方报道：今年全省计划新改建农村公路5000公里。')
    await expect(reader.locator('.article__editor').innerText()).resolves.toBe('（责任编辑：演示编辑）')

    await chief.goto(`${articleUrl}/review-sheet`)
    const rows = await chief.getByTestId('review-sheet-row').evaluateAll((nodes) => nodes.map((node) => [...node.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim())))
    expect(rows.slice(0, 4).map((cells) => [cells[0], cells[2], cells[5]])).toEqual([
      ['初审', '演示编辑', '—'],
      ['复审', '演示部门主任', '—'],
      ['校对', '演示校对', '—'],
      ['终审', '演示总编辑', '—'],
    ])
    await expect(chief.locator('.review-sheet').innerText()).resolves.toContain('总编辑 / 值班总编')

    await chief.goto(`${articleUrl}/revisions`)
    expect(await insertionsAt(chief, 'first')).toEqual([{ text: '方', colour: STAGE_COLOURS.first }])
    expect(await insertionsAt(chief, 'second')).toEqual([{ text: '今年', colour: STAGE_COLOURS.second }])
    expect(await insertionsAt(chief, 'final')).toEqual([{ text: '计划', colour: STAGE_COLOURS.final }])
    await expect(chief.locator('[data-testid="revision"][data-stage="first"] .revision__meta').innerText()).resolves.toContain('演示编辑')

    const signatures = (await chiefApi.rest(`/api/workflow-events?where[article][equals]=${id}&where[action][in]=submit,sign&sort=createdAt&depth=0`)).json.docs
    const [submission, firstSignature] = signatures
    const diff = await chiefApi.rest(`/api/articles/${id}/diff?from=${submission.version}&to=${firstSignature.version}`)
    const summary = diff.json.fields.find((field: { field: string }) => field.field === 'summary')
    expect(summary.ops.filter((op: { op: string }) => op.op !== 'equal')).toEqual([
      { op: 'delete', text: '芳' },
      { op: 'insert', text: '方' },
    ])
  }, 6 * 60 * 1000)
})
