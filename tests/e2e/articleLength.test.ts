import type { Locator, Page } from 'playwright-core'

import { createDraftInAdmin, signIn } from '../helpers/adminSession'
import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'
import { toShanghaiDate } from '@/newsroom/dates'
import { publishOverApi } from '../helpers/demoChain'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

const screenshots = (page: Page, name: string, focus?: Locator) =>
  screenshotAtDeskWidths(page, name, { beforeShot: focus && (() => focus.evaluate((element) => element.scrollIntoView({ block: 'center' }))), fullPageAt: (width) => !focus && width === 390 })

async function storedCount(page: Page, id: string): Promise<unknown> {
  return page.evaluate(async (articleId) => ((await (await fetch(`/api/articles/${articleId}?draft=true&depth=0`)).json()) as { characterCount?: unknown }).characterCount, id)
}

describe('字数 and 网题 at the desk', () => {
  it('counts the body live as the journalist types, and lists the stored count in a 字数 column', async () => {
    const { baseUrl } = running.server
    const journalist = await signIn(running.browser, baseUrl, 'journalist@newsroom.test', PASSWORD)
    const id = await createDraftInAdmin(journalist, baseUrl, '字数统计端到端测试')
    const counter = journalist.getByTestId('article-length')
    await expect(counter.innerText()).resolves.toContain('字数 0 · 目标 800（消息） · 偏短')

    const body = journalist.locator('.rich-text-lexical [contenteditable="true"]').first()
    await body.click()
    await journalist.keyboard.type('全市GDP增长5%，')
    await counter.getByText('字数 7 · 目标 800（消息） · 偏短').waitFor({ timeout: 10_000 })
    await journalist.keyboard.type('湖南日报社记者报道。')
    await counter.getByText('字数 17 · 目标 800（消息） · 偏短').waitFor({ timeout: 10_000 })
    await expect(counter.getAttribute('class')).resolves.toContain('article-length--short')
    await screenshots(journalist, 'article-length-editor', counter)

    const deadline = Date.now() + 20_000
    while ((await storedCount(journalist, id)) !== 17 && Date.now() < deadline) await journalist.waitForTimeout(500)
    await expect(storedCount(journalist, id)).resolves.toBe(17)

    await journalist.goto(`${baseUrl}/admin/collections/articles`)
    const row = journalist.locator('tr', { hasText: '字数统计端到端测试' })
    await expect(journalist.locator('thead').innerText()).resolves.toContain('字数')
    await expect(row.locator('.article-length-cell').innerText()).resolves.toBe('17 ↓')
    await expect(row.locator('.web-title-cell--none').innerText()).resolves.toBe('同主题')
    await screenshots(journalist, 'article-length-list')
  })

  it('shows the web headline on the reader page and keeps the print headline under the print-edition line', async () => {
    const { baseUrl } = running.server
    const api = await signInSession(baseUrl, 'editor@newsroom.test', PASSWORD)
    const { status, json: created } = await api.rest('/api/articles?draft=true', {
      method: 'POST',
      body: {
        kicker: '党建引领',
        title: '“红色引擎”激发多元共治新活力',
        subtitle: '郴州市盘活国有“三资”的探索实践',
        webTitle: '郴州盘活国有“三资”：闲置资产变发展资本',
        print: { editionDate: '2026-12-04T16:00:00.000Z', pageNumber: 3, pageName: '城市新闻' },
      },
    })
    expect(status).toBe(201)
    await publishOverApi(running.server.baseUrl, created.doc.id)
    const { json: article } = await api.rest(`/api/articles/${created.doc.id}?depth=0`)

    const context = await running.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } })
    const reader = await context.newPage()
    await reader.goto(`${baseUrl}/articles/${article.slug}`)
    await expect(reader.locator('h1').innerText()).resolves.toBe('郴州盘活国有“三资”：闲置资产变发展资本')
    await expect(reader.title()).resolves.toContain('郴州盘活国有“三资”：闲置资产变发展资本')
    const header = await reader.locator('.article__header').innerText()
    expect(header.indexOf('见报：2026年12月5日 第3版 城市新闻')).toBeGreaterThan(-1)
    expect(header.indexOf('“红色引擎”激发多元共治新活力')).toBeGreaterThan(header.indexOf('见报：2026年12月5日'))
    await expect(reader.locator('.print-headline').innerText()).resolves.toMatch(/报纸标题\s*党建引领\s*“红色引擎”激发多元共治新活力\s*——郴州市盘活国有“三资”的探索实践/)
    await screenshots(reader, 'web-headline-article')
    await context.close()
  })

  it('prints a planned installment in the calendar as the column prints it: 善治天心③', async () => {
    const { baseUrl } = running.server
    const api = await signInSession(baseUrl, 'editor@newsroom.test', PASSWORD)
    const { json: columns } = await api.rest('/api/columns?where[name][equals]=善治天心')
    const due = new Date(Date.now() + 5 * 60 * 60 * 1000)
    due.setUTCSeconds(0, 0)
    const { json: planned } = await api.rest('/api/installments', { method: 'POST', body: { column: columns.docs[0].id, plannedFor: due.toISOString(), workingTitle: '期号端到端测试' } })
    expect(planned.doc.number).toBe(3)

    const editor = await signIn(running.browser, baseUrl, 'editor@newsroom.test', PASSWORD)
    await editor.goto(`${baseUrl}/admin/calendar?view=week&date=${toShanghaiDate(due)}`)
    const entry = editor.getByTestId(`calendar-installment-${planned.doc.id}`)
    const text = await entry.innerText()
    expect(text).toContain('善治天心③')
    expect(text).not.toContain('第3期')
    await screenshots(editor, 'calendar-installment-label')
  })
})
