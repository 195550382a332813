import fs from 'node:fs'

import { loadSeedData } from '@/seed/data'
import { useDemoServer } from '../helpers/demoServer'

const seed = loadSeedData()
const published = seed.articles.filter((article) => article.status === 'published')
const drafts = seed.articles.filter((article) => article.status === 'draft')

const running = useDemoServer({ withBrowser: true })

describe('a fresh demo start (npm start)', () => {
  it('prints the admin URL and the three demo logins', () => {
    const output = running.server.output()
    expect(output).toMatch(/编辑后台\s+http:\/\/localhost:\d+\/admin/)
    for (const email of ['admin@newsroom.test', 'editor@newsroom.test', 'journalist@newsroom.test']) {
      expect(output).toContain(email)
    }
    expect(output).toContain('newsroom-demo')
  })

  it('lists every published seed article on the reader home page, and no draft', async () => {
    const page = await running.browser.newPage()
    await page.goto(`${running.server.baseUrl}/`)
    // The lead story and the latest list; column blocks repeat some of them further down.
    const titles = await page.locator('.front__lead .teaser__title, .front__latest .teaser__title').allInnerTexts()
    expect(titles.sort()).toEqual(published.map((article) => article.title).sort())
    const html = await page.content()
    for (const draft of drafts) expect(html).not.toContain(draft.title)
    await page.close()
  })

  it('shows an article with its column label as printed and its bylines', async () => {
    const page = await running.browser.newPage()
    await page.goto(`${running.server.baseUrl}/`)
    await page.locator('.front__latest').getByRole('link', { name: '桂阳让「科技之花」结出「产业之果」' }).click()
    await page.waitForURL(/\/articles\/gui-yang/)
    await expect(page.locator('.column-label').innerText()).resolves.toBe('非凡“十四五”桂阳“新答卷”·科技篇')
    await expect(page.locator('.bylines').first().innerText()).resolves.toBe('罗徽 陈勇')
    await expect(page.locator('h2').first().innerText()).resolves.toBe('创新动能持续奔涌')
    await page.close()
  })

  it('hides drafts and user accounts from anonymous API clients', async () => {
    const articles = await (await fetch(`${running.server.baseUrl}/api/articles?limit=100&depth=0`)).json()
    expect(articles.totalDocs).toBe(published.length)
    const users = await fetch(`${running.server.baseUrl}/api/users`)
    expect(users.status).toBe(403)
  })

  it('lets the demo editor sign in to a Chinese admin that lists the seeded articles', async () => {
    const page = await running.browser.newPage({ locale: 'zh-CN' })
    await page.goto(`${running.server.baseUrl}/admin/login`)
    await page.fill('#field-email', 'editor@newsroom.test')
    await page.fill('#field-password', 'newsroom-demo')
    await page.click('button[type=submit]')
    await page.waitForURL(/\/admin\/?$/)
    await page.goto(`${running.server.baseUrl}/admin/collections/articles?limit=50`)
    await page.getByRole('heading', { name: '稿件' }).waitFor()
    // Titles are rendered with the table; relationship cells (专栏) fill in later and, in
    // Payload 3.90, a cell can miss the batched lookup under load, so they are not waited for.
    await page.getByText(seed.articles[0].title, { exact: true }).first().waitFor()
    const listText = await page.locator('body').innerText()
    for (const article of seed.articles) expect(listText).toContain(article.title.slice(0, 12))
    expect(listText).toContain('已发布')
    expect(listText).toContain('草稿')
    const externalRequests: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(running.server.baseUrl)) externalRequests.push(request.url())
    })
    await page.reload()
    await page.getByRole('heading', { name: '稿件' }).waitFor()
    expect(externalRequests).toEqual([])
    await page.close()
  })
})

describe('npm start as a supervisor', () => {
  it('brings a server killed with SIGKILL back, and logs the restart', async () => {
    const { server } = running
    const [serverPid] = childPidsOf(server.pid)
    expect(serverPid).toBeGreaterThan(0)
    process.kill(serverPid, 'SIGKILL')
    const killedAt = Date.now()
    let backAfterMs = -1
    while (Date.now() - killedAt < 60_000) {
      const answered = await fetch(`${server.baseUrl}/`).then((response) => response.ok, () => false)
      if (answered && childPidsOf(server.pid)[0] !== serverPid) {
        backAfterMs = Date.now() - killedAt
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    console.log(`server killed with SIGKILL answered again after ${backAfterMs} ms`)
    expect(backAfterMs).toBeGreaterThan(0)
    expect(server.output()).toMatch(/服务器进程意外退出（信号 SIGKILL.*第 1 次重启/)
  })
})

function childPidsOf(pid: number): number[] {
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
  return children ? children.split(/\s+/).map(Number) : []
}
