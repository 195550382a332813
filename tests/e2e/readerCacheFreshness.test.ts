import { screenshotAtDeskWidths } from '../helpers/browser'
import { useDemoServer } from '../helpers/demoServer'
import { saveArticle, type Session, signInSession } from '../helpers/restClient'
import { publishOverApi, retractOverApi, signFinalOverApi } from '../helpers/demoChain'

/**
 * Next.js's own page cache on the production build, read from its `x-nextjs-cache` header, and
 * the production server's kept responses in front of it (`x-origin-cache`): editors' draft
 * saves and autosaves leave every reader page cached, and a publication refreshes exactly the
 * pages that show the article.
 */
const running = useDemoServer({ withBrowser: true })
let editor: Session

type Article = { id: number; slug: string; title: string; column: { id: number; slug: string } }
type Page = { status: number; cache: string | null; origin: string | null; text: string }

const read = async (pathname: string): Promise<Page> => {
  const response = await fetch(`${running.server.baseUrl}${pathname}`)
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), origin: response.headers.get('x-origin-cache'), text: await response.text() }
}

/** Asked until the server answers it whole from memory (a first request renders it, the next is Next.js's cache). */
async function cached(pathname: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const page = await read(pathname)
    if (page.cache === 'HIT' && page.origin === 'HIT') return
  }
  throw new Error(`${pathname} is never served from the page caches`)
}

/** The newest published article in a column, and another column, whose page does not show it. */
async function fixtures(): Promise<{ article: Article; otherColumn: string }> {
  const { json } = await editor.rest('/api/articles?where[_status][equals]=published&where[column][exists]=true&sort=-publishedAt&limit=1&depth=1')
  const [article] = json.docs as Article[]
  const columns = await editor.rest('/api/columns?limit=50&depth=0')
  const otherColumn = (columns.json.docs as { slug: string }[]).find((column) => column.slug !== article.column.slug)!.slug
  return { article, otherColumn }
}

beforeAll(async () => {
  editor = await signInSession(running.server.baseUrl, 'editor@newsroom.test', 'newsroom-demo')
})

describe('the reader page cache while editors work', () => {
  it('keeps home, article and column pages cached through draft saves and autosaves, and a publication shows at once where the article is', async () => {
    const { article, otherColumn } = await fixtures()
    const pages = { home: '/', article: `/articles/${article.slug}`, column: `/columns/${article.column.slug}`, otherColumn: `/columns/${otherColumn}` }
    for (const pathname of Object.values(pages)) await cached(pathname)

    const draftTitle = `${article.title}（草稿修改）`
    const autosave = async (title: string) => {
      const { json } = await editor.rest(`/api/articles/${article.id}?depth=0&draft=true`)
      return editor.rest(`/api/articles/${article.id}?draft=true&autosave=true`, { method: 'PATCH', body: { title, webTitle: title, updatedAt: json.updatedAt } })
    }
    for (const save of [() => saveArticle(editor, article.id, { title: draftTitle, webTitle: draftTitle }, { draft: true }), () => autosave(`${draftTitle}。`)]) {
      expect((await save()).status).toBe(200)
      for (const pathname of Object.values(pages)) {
        const page = await read(pathname)
        expect({ pathname, cache: page.cache, origin: page.origin, showsDraft: page.text.includes(draftTitle) }).toEqual({ pathname, cache: 'HIT', origin: 'HIT', showsDraft: false })
      }
    }

    const publishedTitle = `${article.title}（已更正）`
    // A change to published text goes out once the 终审 has signed it.
    expect((await saveArticle(editor, article.id, { title: publishedTitle, webTitle: publishedTitle }, { draft: true })).status).toBe(200)
    await signFinalOverApi(running.server.baseUrl, article.id)
    expect((await saveArticle(editor, article.id, { _status: 'published' }, { draft: false })).status).toBe(200)
    // At once: the save returns after its pages have been expired.
    for (const pathname of [pages.article, pages.home, pages.column]) {
      const page = await read(pathname)
      expect({ pathname, status: page.status, origin: page.origin, showsChange: page.text.includes(publishedTitle) }).toEqual({ pathname, status: 200, origin: 'MISS', showsChange: true })
    }
    const untouched = await read(pages.otherColumn)
    expect([untouched.cache, untouched.origin]).toEqual(['HIT', 'HIT'])

    const reader = await running.browser.newPage()
    await reader.goto(`${running.server.baseUrl}${pages.column}`)
    await screenshotAtDeskWidths(reader, 'reader-cache-column-after-publish')
    await reader.close()
  })

  it('refreshes the installments and channel articles beside a published or retracted one at once, and keeps the column’s other installment pages cached', async () => {
    const { json: created } = await editor.rest('/api/columns', { method: 'POST', body: { name: '缓存连载', slug: 'cache-series', numberingStyle: 'circled', cadence: 'weekly' } })
    const seriesColumn = created.doc.id
    const publish = async (number: number) => {
      const title = `缓存连载第${number}期`
      const { json } = await editor.rest('/api/articles?draft=true', { method: 'POST', body: { title, slug: `cache-series-${number}`, column: seriesColumn, installment: { number } } })
      await publishOverApi(running.server.baseUrl, json.doc.id)
      return { id: json.doc.id as number, title }
    }
    // Published last, №2 is also the newest of its channel: №5, published just before it, gets it
    // as 下一篇 in the channel. №4 is beside it neither in the column nor in the channel.
    for (const number of [1, 3, 4, 5]) await publish(number)
    const pageOf = (number: number) => `/articles/cache-series-${number}`
    for (const number of [1, 3, 4, 5]) await cached(pageOf(number))

    const second = await publish(2)
    for (const number of [1, 3, 5]) {
      const page = await read(pageOf(number))
      expect({ number, linksSecond: page.text.includes(second.title) }).toEqual({ number, linksSecond: true })
    }
    const farther = await read(pageOf(4))
    expect([farther.cache, farther.origin]).toEqual(['HIT', 'HIT'])

    for (const number of [1, 3, 5]) await cached(pageOf(number))
    expect((await retractOverApi(running.server.baseUrl, second.id, '缓存测试撤稿')).status).toBe(200)
    for (const number of [1, 3, 5]) {
      const page = await read(pageOf(number))
      expect({ number, linksSecond: page.text.includes(second.title) }).toEqual({ number, linksSecond: false })
    }
    const stillFarther = await read(pageOf(4))
    expect([stillFarther.cache, stillFarther.origin]).toEqual(['HIT', 'HIT'])
  })
})
