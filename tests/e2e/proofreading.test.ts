import { runWorkflowAction, signIn, workflowState } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

const bodyOf = (text: string) => ({
  root: { type: 'root', format: '', indent: 0, version: 1, direction: 'ltr', children: [{ type: 'paragraph', format: '', indent: 0, version: 1, direction: 'ltr', textFormat: 0, textStyle: '', children: [{ type: 'text', text, format: 0, style: '', mode: 'normal', detail: 0, version: 1 }] }] },
})

describe('校对 in a real browser', () => {
  it('lists the checker’s findings, takes a suggestion, keeps one with a reason, and only then lets the proofreader sign', async () => {
    const { baseUrl } = running.server
    const journalist = await signInSession(baseUrl, 'journalist@newsroom.test', PASSWORD)
    const { json: created } = await journalist.rest('/api/articles?draft=true', { method: 'POST', body: { title: '校对面板测试稿', body: bodyOf('我们要再接再励，把成份检测做好。') } })
    const id = String(created.doc.id)
    await journalist.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'submit' } })
    const editor = await signInSession(baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'sign', level: 'first' } })
    const deskHead = await signInSession(baseUrl, 'desk@newsroom.test', PASSWORD)
    await deskHead.rest(`/api/articles/${id}/workflow`, { method: 'POST', body: { action: 'sign', level: 'second' } })

    const proofreader = await signIn(running.browser, baseUrl, 'proof@newsroom.test', PASSWORD)
    const articleUrl = `${baseUrl}/admin/collections/articles/${id}`
    await proofreader.goto(articleUrl)
    const panel = proofreader.getByTestId('proofreading-panel')
    await expect(panel.getByTestId('proofreading-summary').innerText()).resolves.toContain('差错 2 处（待处理 2）')
    const findings = panel.getByTestId('proofreading-finding')
    await expect(findings.allInnerTexts()).resolves.toEqual([expect.stringContaining('“再接再励” → “再接再厉”'), expect.stringContaining('“成份” → “成分”')])

    // Signing now is refused, naming the errors.
    await proofreader.getByTestId('workflow-panel').getByRole('button', { name: '校对签字', exact: true }).click()
    await expect(proofreader.getByTestId('workflow-panel').getByRole('alert').innerText()).resolves.toContain('校对还有 2 处差错未改正或豁免')

    await proofreader.goto(articleUrl)
    const reloaded = proofreader.waitForEvent('load')
    await findings.first().getByRole('button', { name: '采纳', exact: true }).click()
    await reloaded
    await expect(panel.getByTestId('proofreading-summary').innerText()).resolves.toContain('差错 1 处（待处理 1）')
    const stored = await (await signInSession(baseUrl, 'proof@newsroom.test', PASSWORD)).rest(`/api/articles/${id}?draft=true&depth=0`)
    expect(JSON.stringify(stored.json.body)).toContain('我们要再接再厉，把成份检测做好。')

    await findings.first().getByRole('button', { name: '豁免', exact: true }).click()
    await findings.first().locator('textarea').fill('“成份检测”是企业注册的项目名称，照录')
    await findings.first().getByRole('button', { name: '确认豁免' }).click()
    await findings.first().getByText('已豁免：“成份检测”是企业注册的项目名称，照录').waitFor()
    await expect(panel.getByTestId('proofreading-summary').innerText()).resolves.toContain('差错 1 处（待处理 0）')

    await proofreader.reload()
    await runWorkflowAction(proofreader, '校对签字')
    await expect(workflowState(proofreader)).resolves.toBe('待终审')
    await proofreader.goto(`${articleUrl}/review-sheet`)
    await expect(proofreader.getByTestId('review-sheet-waivers').innerText()).resolves.toContain('演示校对豁免“成份”')
  }, 4 * 60 * 1000)
})
