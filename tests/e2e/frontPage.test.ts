import fs from 'node:fs'
import path from 'node:path'

import { signIn } from '../helpers/adminSession'
import { publishOverApi } from '../helpers/demoChain'
import { useDemoServer } from '../helpers/demoServer'
import { signInSession } from '../helpers/restClient'

/**
 * The front page and channels in Chromium against the production build with the demo content:
 * the channels editors configure as the navigation and their pages, 上一篇/下一篇 within a
 * channel, and the front page laid out in 首页版面, previewed as a draft, then published.
 */
const running = useDemoServer({ withBrowser: true })
const SCREENSHOTS = path.resolve('test-results/reader')

const GUIYANG = '桂阳让「科技之花」结出「产业之果」'
const ASSETS = '唤醒沉睡资产 筑牢保障底线'
const COMMERCE = '破局提质谋发展 商务赋能启新程'

type Doc = { id: number; title: string; slug: string }

async function articleIdsByTitle(): Promise<Map<string, number>> {
  const reply = await (await fetch(`${running.server.baseUrl}/api/articles?limit=50&depth=0`)).json()
  return new Map((reply.docs as Doc[]).map((doc) => [doc.title, doc.id]))
}

describe('the front page and channels in Chromium', () => {
  it('takes a reader through the channels in the navigation to a channel page and along it with 上一篇/下一篇', async () => {
    const page = await running.browser.newPage({ viewport: { width: 390, height: 900 } })
    await page.goto(`${running.server.baseUrl}/`)
    const navigation = page.getByRole('navigation', { name: '主导航' })
    expect(await navigation.getByRole('link').allTextContents()).toEqual(['首页', '时政', '经济', '社会', '市州', '专栏'])

    await navigation.getByRole('link', { name: '经济' }).click()
    await page.waitForURL('**/channels/jingji')
    expect(await page.locator('h1').textContent()).toBe('经济')
    const listed = await page.locator('.article-list .teaser__title').allTextContents()
    expect([...listed].sort()).toEqual([ASSETS, COMMERCE, GUIYANG].sort())

    // The channel lists newest first: its middle article has a 上一篇 (older) and a 下一篇 (newer).
    await page.getByRole('link', { name: listed[1] }).click()
    await page.waitForURL('**/articles/**')
    const neighbours = page.getByRole('navigation', { name: '经济频道 上一篇与下一篇' })
    expect(await neighbours.locator('a[rel="prev"]').textContent()).toContain(listed[2])
    expect(await neighbours.locator('a[rel="next"]').textContent()).toContain(listed[0])
    const nextHref = await neighbours.locator('a[rel="next"]').getAttribute('href')
    await neighbours.locator('a[rel="next"]').click()
    await page.waitForURL(`**${nextHref}`)
    expect(await page.locator('h1').textContent()).toBe(listed[0])

    expect((await page.goto(`${running.server.baseUrl}/channels/jingji/page/2`))?.status()).toBe(404)
    expect((await page.goto(`${running.server.baseUrl}/channels/no-such-channel`))?.status()).toBe(404)
    await page.close()
  })

  it('lays out the front page as an editor arranges it: previewed as a draft in 首页版面, shown to readers once published', async () => {
    const { baseUrl } = running.server
    const ids = await articleIdsByTitle()
    const editor = await signInSession(baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    const { json: channels } = await editor.rest('/api/channels?depth=0&limit=20')
    const channelId = (slug: string) => (channels.docs as { id: number; slug: string }[]).find((channel) => channel.slug === slug)!.id
    const { json: tags } = await editor.rest('/api/tags?depth=0&limit=50')
    const tagId = (tags.docs as { id: number; name: string }[]).find((tag) => tag.name === '科技创新')!.id
    const layout = {
      lead: ids.get(COMMERCE),
      pinned: [ids.get(ASSETS)],
      sections: [
        { blockType: 'topicsBlock', title: '专题', topics: [{ tag: tagId, title: '科技创新看湖南' }] },
        { blockType: 'channelBlock', channel: channelId('shehui'), count: 3 },
        { blockType: 'mostReadBlock' },
        { blockType: 'channelBlock', channel: channelId('jingji'), count: 2 },
      ],
    }
    const draft = await editor.rest('/api/globals/front-page?draft=true', { method: 'POST', body: layout })
    expect(draft.status).toBe(200)

    // Readers still get the page as it lays itself out; the editor's preview shows the draft.
    const before = await (await fetch(`${baseUrl}/`)).text()
    expect(before).not.toContain('科技创新看湖南')
    expect((await fetch(`${baseUrl}/preview/front-page`)).status).toBe(404)
    const admin = await signIn(running.browser, baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    await admin.goto(`${baseUrl}/admin/globals/front-page`)
    await admin.locator('#live-preview-toggler').click()
    const frame = admin.frameLocator('iframe')
    await frame.locator('.preview-banner').waitFor({ timeout: 30_000 })
    expect(await frame.locator('.front__lead h3').textContent()).toBe(COMMERCE)
    expect(await frame.locator('.front__blocks .section-heading').first().textContent()).toBe('专题')
    await admin.context().close()

    expect((await editor.rest('/api/globals/front-page', { method: 'POST', body: { ...layout, _status: 'published' } })).status).toBe(200)
    for (const width of [390, 1280]) {
      const page = await running.browser.newPage({ viewport: { width, height: 900 } })
      await page.goto(`${baseUrl}/`)
      expect(await page.locator('.front__lead h3').textContent()).toBe(COMMERCE)
      expect(await page.locator('.front__latest .teaser__title').first().textContent()).toBe(ASSETS)
      const headings = await page.locator('.front__blocks .section-heading').allTextContents()
      expect(headings.filter((heading) => heading !== '热点排行')).toEqual(['专题', '社会', '经济'])
      const economy = page.locator('.front__blocks .block', { has: page.getByRole('heading', { name: '经济', exact: true }) })
      expect(await economy.locator('.block__list li').count()).toBe(2)
      await page.getByRole('link', { name: '科技创新看湖南' }).waitFor()
      fs.mkdirSync(SCREENSHOTS, { recursive: true })
      await page.screenshot({ path: path.join(SCREENSHOTS, `front-layout-${width}.png`), fullPage: true })
      const columns = await page.evaluate(() => getComputedStyle(document.querySelector('.front__blocks')!).gridTemplateColumns.split(' ').length)
      expect([width, columns]).toEqual([width, width >= 1280 ? 3 : 1])
      await page.close()
    }

    // A journalist may not lay out the front page.
    const journalist = await signInSession(baseUrl, 'journalist@newsroom.test', 'newsroom-demo')
    expect((await journalist.rest('/api/globals/front-page', { method: 'POST', body: { lead: ids.get(GUIYANG) } })).status).toBe(403)
  }, 180_000)

  it('scrolls the 焦点图 row from the keyboard, with nothing moving on its own', async () => {
    const { baseUrl } = running.server
    const editor = await signInSession(baseUrl, 'editor@newsroom.test', 'newsroom-demo')
    const { json: photos } = await editor.rest('/api/photos?limit=1&depth=0&sort=id')
    for (const [index, title] of ['洞庭湖区冬季候鸟观测', '湘西州非遗工坊开门迎客', '长株潭城际铁路加密班次'].entries()) {
      const paragraph = { type: 'paragraph', version: 1, direction: 'ltr', format: '', indent: 0, textFormat: 0, children: [{ type: 'text', version: 1, text: "本报讯　" + title + "。", format: 0, style: '', mode: 'normal', detail: 0 }] }
      const body = { root: { type: 'root', version: 1, direction: 'ltr', format: '', indent: 0, children: [paragraph] } }
      const created = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title, slug: `focus-${index}`, leadPhoto: photos.docs[0].id, body } })
      expect(created.status).toBe(201)
      await publishOverApi(baseUrl, created.json.doc.id)
    }
    // The layout published above names no 焦点图: the row takes the newest stories with photographs.
    const page = await running.browser.newPage({ viewport: { width: 390, height: 900 } })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(`${baseUrl}/`)
    const row = page.getByRole('region', { name: '焦点图，可左右滚动' })
    expect(await row.locator('li').count()).toBeGreaterThanOrEqual(2)
    const start = await row.evaluate((element) => element.scrollLeft)
    await page.waitForTimeout(1500)
    expect(await row.evaluate((element) => element.scrollLeft)).toBe(start)
    await row.focus()
    await page.keyboard.press('ArrowRight')
    await page.waitForFunction((from) => document.querySelector('.focus')!.scrollLeft > from, start)
    await page.close()
  }, 180_000)
})
