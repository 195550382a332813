import { signIn } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { session, type Session, signInSession } from '../helpers/restClient'
import { publishOverApi, retractOverApi } from '../helpers/demoChain'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })
let anonymous: Session
let editor: Session
let journalist: Session

// 红色网格 occurs only in the seeded 善治天心② draft.
const DRAFT_WORD = '红色网格'
const DRAFT_TITLE = '党建引领，“红色引擎”激发多元共治新活力'

beforeAll(async () => {
  anonymous = session(running.server.baseUrl)
  editor = await signInSession(running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
  journalist = await signInSession(running.server.baseUrl, 'journalist@newsroom.test', PASSWORD)
})

async function readerPage(path: string) {
  const page = await running.browser.newPage({ locale: 'zh-CN' })
  await page.goto(`${running.server.baseUrl}${path}`)
  return page
}

const resultTitles = async (path: string) => {
  const page = await readerPage(path)
  const titles = await page.locator('.search-results .teaser__title').allTextContents()
  await page.close()
  return titles
}

describe('the reader search page', () => {
  it('is reached from the masthead and marks the matched words in each snippet', async () => {
    const page = await readerPage('/')
    await page.fill('#masthead-q', '南坪街道 店小二')
    await page.press('#masthead-q', 'Enter')
    await page.waitForURL(/\/search\?q=/)
    expect(await page.locator('.search-results .teaser__title').first().textContent()).toBe('火红旗帜今更艳')
    const marked = await page.locator('.search-results mark').allTextContents()
    expect(marked).toEqual(expect.arrayContaining(['店小二']))
    expect(await page.locator('h1').textContent()).toBe('搜索“南坪街道 店小二”')
    await page.close()
  })

  it('narrows by region from the form, sub-regions included', async () => {
    const page = await readerPage('/search?q=发展')
    const everywhere = await page.locator('.search-results .teaser__title').allTextContents()
    await page.selectOption('select[name=region]', { label: '湖南省 › 郴州市' })
    await page.click('.search-form button[type=submit]')
    await page.waitForURL(/region=/)
    const inChenzhou = await page.locator('.search-results .teaser__title').allTextContents()
    expect(inChenzhou).toContain('桂阳让「科技之花」结出「产业之果」')
    expect(inChenzhou.length).toBeLessThan(everywhere.length)
    await page.close()
  })

  it('says plainly when nothing matches, and what is wrong with a bad filter', async () => {
    const page = await readerPage('/search?q=完全不存在的词语组合')
    expect(await page.locator('[role=status]').textContent()).toContain('没有找到')
    await page.goto(`${running.server.baseUrl}/search?q=发展&from=2026-02-30`)
    expect(await page.locator('.search-page__problem').textContent()).toContain('有效日期')
    await page.close()
  })
})

describe('GET /api/search', () => {
  it('returns the documented JSON shape in relevance order', async () => {
    const { status, json } = await anonymous.rest(`/api/search?q=${encodeURIComponent('三资')}&page=1&limit=5`)
    expect(status).toBe(200)
    expect(json).toMatchObject({ totalDocs: expect.any(Number), page: 1 })
    expect(json.docs[0]).toEqual(expect.objectContaining({ id: expect.anything(), slug: expect.any(String), title: '唤醒沉睡资产 筑牢保障底线', snippet: expect.stringContaining('三资') }))
    expect(json.docs[0]).toHaveProperty('publishedAt')
  })

  it('explains bad parameters in Chinese with a 400', async () => {
    for (const [query, message] of [
      ['', '缺少检索词'],
      ['q=a&limit=500', 'limit'],
      ['q=a&page=0', 'page'],
      ['q=a&column=no-such-column', '找不到该专栏'],
    ]) {
      const { status, json } = await anonymous.rest(`/api/search?${query}`)
      expect([query, status]).toEqual([query, 400])
      expect(json.errors[0].message).toContain(message)
    }
  })
})

describe('drafts and retractions', () => {
  it('never shows a draft to anonymous readers: page, endpoint and GraphQL', async () => {
    expect(await resultTitles(`/search?q=${encodeURIComponent(DRAFT_WORD)}`)).toEqual([])
    expect(await resultTitles(`/search?q=${encodeURIComponent(DRAFT_WORD)}&drafts=true`)).toEqual([])
    const rest = await anonymous.rest(`/api/search?q=${encodeURIComponent(DRAFT_WORD)}`)
    expect(rest.json.docs).toEqual([])
    expect((await anonymous.rest(`/api/search?q=${encodeURIComponent(DRAFT_WORD)}&drafts=true`)).status).toBe(401)
    const graphql = await anonymous.graphql('query ($q: String!) { SearchArticles(q: $q) { totalDocs docs { title snippet } } }', { q: DRAFT_WORD })
    expect(graphql.data.SearchArticles).toEqual({ totalDocs: 0, docs: [] })
    const asking = await anonymous.graphql('query ($q: String!) { SearchArticles(q: $q, drafts: true) { docs { title } } }', { q: DRAFT_WORD })
    expect(asking.errors?.[0].message).toContain('登录')
    expect(JSON.stringify(asking)).not.toContain(DRAFT_TITLE)
  })

  it('lets an editor find the draft, over REST and in the admin, and not a journalist who may not read it', async () => {
    const asEditor = await editor.rest(`/api/search?q=${encodeURIComponent(DRAFT_WORD)}&drafts=true`)
    expect(asEditor.json.docs.map((doc: { title: string }) => doc.title)).toEqual([DRAFT_TITLE])
    const asJournalist = await journalist.rest(`/api/search?q=${encodeURIComponent(DRAFT_WORD)}&drafts=true`)
    expect(asJournalist.json.docs).toEqual([])
    const page = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await page.goto(`${running.server.baseUrl}/admin/search`)
    await page.fill('#newsroom-search-q', DRAFT_WORD)
    await page.press('#newsroom-search-q', 'Enter')
    await page.waitForURL(/admin\/search\?q=/)
    const results = page.getByTestId('admin-search-results')
    await expect(results.locator('a').first().textContent()).resolves.toBe(DRAFT_TITLE)
    expect(await results.textContent()).toContain('草稿')
    await page.context().close()
  })

  it('drops a retracted article from every search surface at once', async () => {
    const word = '梅溪湖检索撤稿测试'
    const created = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: `${word}：夜市开张` } })).json.doc
    await publishOverApi(running.server.baseUrl, created.id)
    const before = await anonymous.rest(`/api/search?q=${encodeURIComponent(word)}`)
    expect(before.json.docs.map((doc: { id: unknown }) => doc.id)).toEqual([created.id])
    expect(await resultTitles(`/search?q=${encodeURIComponent(word)}`)).toEqual([`${word}：夜市开张`])
    const retracted = await retractOverApi(running.server.baseUrl, created.id, '搜索测试撤稿')
    expect(retracted.status).toBe(200)
    expect((await anonymous.rest(`/api/search?q=${encodeURIComponent(word)}`)).json.docs).toEqual([])
    expect(await resultTitles(`/search?q=${encodeURIComponent(word)}`)).toEqual([])
    const graphql = await anonymous.graphql('query ($q: String!) { SearchArticles(q: $q) { docs { id } } }', { q: word })
    expect(graphql.data.SearchArticles.docs).toEqual([])
  })
})

describe('search results at the production server', () => {
  const cacheOf = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${running.server.baseUrl}${path}`, { headers: { 'Accept-Encoding': 'gzip', ...headers } })
    return { state: response.headers.get('x-origin-cache'), html: await response.text() }
  }

  it('answers a repeated anonymous search from memory, never a signed-in reader’s, and forgets it when an article is published', async () => {
    const word = '岳麓山缓存检索测试'
    const path = `/search?q=${encodeURIComponent(word)}`
    expect((await cacheOf(path)).state).toBe('MISS')
    const again = await cacheOf(path)
    expect(again.state).toBe('HIT')
    expect(again.html).toContain(`搜索“${word}”`)
    expect((await cacheOf(path, { Cookie: `payload-token=${editor.token}` })).state).toBeNull()
    const created = (await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title: `${word}：登山步道开放` } })).json.doc
    expect((await cacheOf(path)).state).toBe('HIT')
    await publishOverApi(running.server.baseUrl, created.id)
    const afterPublication = await cacheOf(path)
    expect(afterPublication.state).toBe('MISS')
    expect(afterPublication.html).toContain(`${word}：登山步道开放`)
  })
})

describe('pinyin in the admin', () => {
  it('finds a byline by its initials in an article’s byline picker', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await page.goto(`${running.server.baseUrl}/admin/collections/articles/create`)
    await page.locator('.tabs-field__tab-button', { hasText: '专栏与署名' }).click()
    await page.getByRole('button', { name: /添加\s*署名/ }).first().click()
    const picker = page.locator('#field-bylines .rs__control').first()
    await picker.click()
    await page.keyboard.type('zff')
    await expect(page.locator('.rs__option', { hasText: '张福芳' }).first().waitFor({ timeout: 15_000 })).resolves.toBeUndefined()
    await page.context().close()
  })
})
