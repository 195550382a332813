import { createDraftInAdmin, runWorkflowAction, signIn, waitForStored, workflowState } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

describe('an article through the newsroom, in a real browser', () => {
  it('goes from a journalist draft through return, resubmission, the 三审 signatures, publication and retraction', async () => {
    const journalist = await signIn(running.browser, running.server.baseUrl, 'journalist@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(journalist, running.server.baseUrl, '端到端流程测试稿件')
    const articleUrl = `${running.server.baseUrl}/admin/collections/articles/${id}`
    await journalist.goto(articleUrl)
    await expect(workflowState(journalist)).resolves.toBe('草稿')
    await expect(journalist.getByRole('button', { name: /签发|发布/ }).count()).resolves.toBe(0)
    await runWorkflowAction(journalist, '提交审核')
    await expect(workflowState(journalist)).resolves.toBe('待初审')

    const editor = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await expect(editor.getByTestId('queue-待初审稿件').innerText()).resolves.toContain('端到端流程测试稿件')
    await editor.goto(articleUrl)
    await runWorkflowAction(editor, '退回修改', '请补充导语')
    await expect(workflowState(editor)).resolves.toBe('退回')

    await journalist.goto(`${running.server.baseUrl}/admin`)
    await expect(journalist.getByTestId('queue-退回给我').innerText()).resolves.toContain('端到端流程测试稿件')
    await journalist.goto(articleUrl)
    await journalist.locator('#field-summary').fill('端到端测试补充的导语。')
    await waitForStored(journalist, id, 'summary', '端到端测试补充的导语。')
    await journalist.reload()
    await runWorkflowAction(journalist, '提交审核')

    await editor.goto(articleUrl)
    await runWorkflowAction(editor, '初审签字')
    await expect(workflowState(editor)).resolves.toBe('待复审')
    for (const [email, label, next] of [
      ['desk@newsroom.test', '复审签字', '待校对'],
      ['proof@newsroom.test', '校对签字', '待终审'],
      ['chief@newsroom.test', '终审签字', '已签发'],
    ] as const) {
      const signer = await signIn(running.browser, running.server.baseUrl, email, PASSWORD)
      await signer.goto(articleUrl)
      await runWorkflowAction(signer, label)
      await expect(workflowState(signer)).resolves.toBe(next)
    }
    await editor.goto(articleUrl)
    await runWorkflowAction(editor, '发布')
    await expect(workflowState(editor)).resolves.toBe('已发布')
    await expect(editor.getByRole('button', { name: '发布修改' }).count()).resolves.toBeGreaterThan(0)
    await expect(editor.getByRole('button', { name: '取消发布' }).count()).resolves.toBe(0)

    const article = await (await fetch(`${running.server.baseUrl}/api/articles/${id}`)).json()
    const reader = await running.browser.newPage()
    await reader.goto(`${running.server.baseUrl}/articles/${article.slug}`)
    await expect(reader.locator('h1').innerText()).resolves.toBe('端到端流程测试稿件')
    await expect(reader.locator('.standfirst').innerText()).resolves.toBe('端到端测试补充的导语。')

    // A retraction is the 终审 level's decision.
    const chief = await signIn(running.browser, running.server.baseUrl, 'chief@newsroom.test', PASSWORD)
    await chief.goto(articleUrl)
    await runWorkflowAction(chief, '撤稿', '经核实，本文内容有误，予以撤稿。')
    await expect(workflowState(chief)).resolves.toBe('撤稿')

    const response = await reader.goto(`${running.server.baseUrl}/articles/${article.slug}`)
    expect(response?.status()).toBe(200)
    await expect(reader.locator('.retraction__notice').innerText()).resolves.toBe('经核实，本文内容有误，予以撤稿。')
    await expect(reader.content()).resolves.not.toContain('端到端测试补充的导语。')
  })

  it('refuses an editor’s save made on a stale copy, and keeps the other editor’s change', async () => {
    const first = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    const second = await signIn(running.browser, running.server.baseUrl, 'admin@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(first, running.server.baseUrl, '两位编辑同时修改')
    const url = `${running.server.baseUrl}/admin/collections/articles/${id}`
    await second.goto(url)
    await second.locator('#field-summary').waitFor()
    await first.goto(url)
    await first.locator('#field-summary').fill('第一位编辑的导语')
    await waitForStored(first, id, 'summary', '第一位编辑的导语')

    const takeOver = second.getByRole('button', { name: /接管|Take over/ })
    await second.locator('#field-summary').fill('第二位编辑在旧副本上的导语').catch(() => undefined)
    if (await takeOver.count()) {
      await takeOver.first().click()
      await second.locator('#field-summary').fill('第二位编辑在旧副本上的导语')
    }
    await second.getByText('保存被拒绝').first().waitFor({ timeout: 20_000 })
    const stored = await first.evaluate(async (articleId) => (await fetch(`/api/articles/${articleId}?draft=true`)).json(), id)
    expect(stored.summary).toBe('第一位编辑的导语')
  })
})
