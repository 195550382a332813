import { formatChineseDate, toShanghaiDate, toShanghaiLocalInput } from '@/newsroom/dates'
import { runWorkflowAction, signIn } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'
import { signPendingLevelsOverApi } from '../helpers/demoChain'

const running = useDemoServer({ withBrowser: true })

describe('the planning calendar', () => {
  it('flags an installment at risk, and clears the flag once its article is linked and scheduled', async () => {
    const { baseUrl } = running.server
    const api = await signInSession(baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    const { json: columns } = await api.rest('/api/columns?where[name][equals]=善治天心')
    const { json: created } = await api.rest('/api/articles?draft=true', { method: 'POST', body: { title: '日历端到端测试稿件' } })
    await api.rest(`/api/articles/${created.doc.id}/workflow`, { method: 'POST', body: { action: 'submit' } })
    const due = new Date(Date.now() + 5 * 60 * 60 * 1000)
    due.setUTCSeconds(0, 0)
    const { json: planned } = await api.rest('/api/installments', {
      method: 'POST',
      body: { column: columns.docs[0].id, plannedFor: due.toISOString(), workingTitle: '日历端到端测试期次' },
    })
    const installmentId = planned.doc.id

    const columnPage = await (await fetch(`${baseUrl}/columns/${columns.docs[0].slug}`)).text()
    expect(columnPage).toContain('下一期预计')
    expect(columnPage).toContain(formatChineseDate(due))
    expect(columnPage).not.toContain('日历端到端测试期次')
    const calendarUrl = `${baseUrl}/admin/calendar?view=week&date=${toShanghaiDate(due)}`

    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    await editor.goto(calendarUrl)
    const entry = editor.getByTestId(`calendar-installment-${installmentId}`)
    await expect(entry.getByRole('alert').innerText()).resolves.toContain('尚未关联稿件')

    await editor.goto(`${baseUrl}/admin/collections/installments/${installmentId}`)
    await editor.locator('#field-article .rs__control').click()
    await editor.keyboard.type('日历端到端')
    await editor.getByRole('option', { name: /日历端到端测试稿件/ }).click()
    await editor.getByRole('button', { name: '保存' }).click()
    await editor.getByText(/成功/).first().waitFor()

    await editor.goto(calendarUrl)
    await expect(entry.getByRole('alert').innerText()).resolves.toContain('稿件尚未签发')

    await signPendingLevelsOverApi(baseUrl, created.doc.id)
    await editor.goto(`${baseUrl}/admin/collections/articles/${created.doc.id}`)
    await editor.getByTestId('workflow-panel').locator('input[type="datetime-local"]').fill(toShanghaiLocalInput(due))
    await runWorkflowAction(editor, '排期发布')
    await expect(editor.getByTestId('workflow-scheduled-for').innerText()).resolves.toContain('计划发布')

    await editor.goto(calendarUrl)
    await entry.waitFor()
    await expect(entry.getByRole('alert').count()).resolves.toBe(0)
    await expect(entry.innerText()).resolves.toContain('已排期')
  })
})
