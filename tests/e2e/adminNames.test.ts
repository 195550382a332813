import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'

import { signIn } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { type Session, signInSession } from '../helpers/restClient'

const PASSWORD = 'newsroom-demo'
const EDITOR = 'editor@newsroom.test'
const JOURNALIST = 'journalist@newsroom.test'
/** Screenshots for people to look at (ignored by git). */
const ARTIFACTS = path.resolve('tests/e2e/artifacts')

const running = useDemoServer({ withBrowser: true })

type Setup = { articleId: number | string; names: { editor: string; journalist: string }; comments: string[] }
let setup: Setup

/**
 * A journalist's article with a history and a comment thread by two people, made over the
 * REST API as the admin would make it: every 操作人 and 作者 cell on it has a name to show.
 */
beforeAll(async () => {
  const { baseUrl } = running.server
  const editor = await signInSession(baseUrl, EDITOR, PASSWORD)
  const journalist = await signInSession(baseUrl, JOURNALIST, PASSWORD)
  const name = async (client: Session) => ((await client.rest('/api/users/me')).json.user as { name: string }).name
  const column = (await editor.rest('/api/columns?limit=1&depth=0')).json.docs[0]
  const created = await journalist.rest('/api/articles?draft=true&depth=0', { method: 'POST', body: { title: '后台人名显示测试稿', column: column.id } })
  expect(created.status).toBe(201)
  const articleId = created.json.doc.id
  expect((await journalist.rest(`/api/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'submit' } })).status).toBe(200)
  expect((await editor.rest(`/api/articles/${articleId}/workflow`, { method: 'POST', body: { action: 'return', level: 'first', note: '请补充导语' } })).status).toBe(200)
  const question = await editor.rest('/api/editorial-comments?depth=0', { method: 'POST', body: { article: articleId, body: '请核实第二段的数据来源。' } })
  expect(question.status).toBe(201)
  const answer = await journalist.rest('/api/editorial-comments?depth=0', { method: 'POST', body: { article: articleId, body: '已核实，来自区统计局。', replyTo: question.json.doc.id } })
  expect(answer.status).toBe(201)
  setup = { articleId, names: { editor: await name(editor), journalist: await name(journalist) }, comments: ['请核实第二段的数据来源。', '已核实，来自区统计局。'] }
}, 60_000)

/** Every collection the user may read, as the server's access endpoint lists payload.config.ts's collections. */
async function readableCollections(page: Page): Promise<string[]> {
  const access = (await page.evaluate(async () => (await fetch('/api/access')).json())) as { collections: Record<string, { read?: boolean | { permission?: boolean } }> }
  return Object.entries(access.collections)
    .filter(([slug, rules]) => !slug.startsWith('payload-') && (rules.read === true || (typeof rules.read === 'object' && rules.read?.permission === true)))
    .map(([slug]) => slug)
}

/** Records the admin's API requests the server refused as malformed (400): a relationship lookup over the cap is one. */
function watchRefusals(page: Page): string[] {
  const refused: string[] = []
  page.on('response', (response) => {
    if (response.url().includes('/api/') && response.status() === 400) refused.push(`${response.request().method()} ${decodeURIComponent(response.url())}`)
  })
  return refused
}

/**
 * Payload's relationship cells ask for their names only once they are scrolled into view, and
 * show 加载中 until the answer comes: scroll each into view, then wait for every one to settle.
 */
async function fillRelationshipCells(page: Page): Promise<void> {
  const cells = page.locator('.relationship-cell')
  const count = await cells.count()
  for (let index = 0; index < count; index++) {
    await cells.nth(index).scrollIntoViewIfNeeded()
    await page.waitForTimeout(30)
  }
  await page.waitForFunction(() => [...document.querySelectorAll('.relationship-cell')].every((cell) => !cell.textContent?.includes('加载中')), undefined, { timeout: 20_000 })
  // The provider batches lookups after 100 ms: a cell requested last may still be on its way.
  await page.waitForTimeout(500)
  await page.waitForFunction(() => [...document.querySelectorAll('.relationship-cell')].every((cell) => !cell.textContent?.includes('加载中')), undefined, { timeout: 20_000 })
  // Scrolling a cell into view scrolls wide tables sideways too: back to their first column.
  await page.evaluate(() => {
    document.querySelectorAll('*').forEach((element) => {
      if (element.scrollLeft) element.scrollLeft = 0
    })
    window.scrollTo(0, 0)
  })
}

type EmptyCell = { row: number; table: number; field: string; href: string | null; text: string }

/** Relationship cells that read “<没有 …>”, with what identifies their row. */
async function emptyRelationshipCells(page: Page): Promise<EmptyCell[]> {
  return page.evaluate(() => {
    const found: { row: number; table: number; field: string; href: string | null; text: string }[] = []
    document.querySelectorAll('table').forEach((table, tableIndex) => {
      table.querySelectorAll('tbody tr').forEach((row, rowIndex) => {
        row.querySelectorAll('td').forEach((cell) => {
          const relationship = cell.querySelector('.relationship-cell')
          const text = relationship?.textContent ?? ''
          if (!text.includes('<没有')) return
          const field = [...cell.classList].find((name) => name.startsWith('cell-'))?.slice('cell-'.length) ?? '?'
          found.push({ row: rowIndex, table: tableIndex, field, href: row.querySelector('a[href*="/admin/collections/"]')?.getAttribute('href') ?? null, text })
        })
      })
    })
    return found
  })
}

/** The stored value of a field of a document, as the signed-in user may read it. */
async function storedValue(page: Page, slug: string, id: string, field: string): Promise<unknown> {
  return page.evaluate(
    async ([collection, docId, name]) => {
      const doc = (await (await fetch(`/api/${collection}/${docId}?depth=0&draft=true`)).json()) as Record<string, unknown>
      return name.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), doc)
    },
    [slug, id, field] as const,
  )
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)

/**
 * What a person sees that names nobody: “无标题 - ID: n” anywhere on the page, and “<没有 …>”
 * in a relationship cell whose document does hold a value there. `rowsOf` names each table's
 * documents where rows carry no link (the join tables on the article's history tab).
 */
async function namelessProblems(page: Page, where: string, rowsOf: (table: number) => { slug: string; ids: string[] } | null): Promise<string[]> {
  const problems: string[] = []
  const text = await page.locator('body').innerText()
  for (const line of text.split('\n').filter((line) => line.includes('无标题'))) problems.push(`${where}: ${line.trim()}`)
  for (const cell of await emptyRelationshipCells(page)) {
    const linked = cell.href?.match(/\/admin\/collections\/([^/]+)\/([^/?#]+)/)
    const rows = rowsOf(cell.table)
    const slug = linked?.[1] ?? rows?.slug
    const id = linked?.[2] ?? rows?.ids[cell.row]
    if (!slug || !id) {
      problems.push(`${where}: ${cell.field} 显示 ${cell.text}，无法确认该行的条目`)
      continue
    }
    const stored = await storedValue(page, slug, id, cell.field)
    if (!isEmpty(stored)) problems.push(`${where}: ${slug}/${id} 的 ${cell.field} 有值 ${JSON.stringify(stored)}，却显示 ${cell.text}`)
  }
  return problems
}

async function openList(page: Page, slug: string): Promise<void> {
  await page.goto(`${running.server.baseUrl}/admin/collections/${slug}`)
  await page.locator('.collection-list table, .collection-list__no-results, .no-results').first().waitFor({ timeout: 30_000 })
  await fillRelationshipCells(page)
}

/** The article's 流程记录与批注 tab, with both join tables loaded. */
async function openHistoryTab(page: Page): Promise<void> {
  await page.goto(`${running.server.baseUrl}/admin/collections/articles/${setup.articleId}`)
  await page.locator('.tabs-field__tab-button', { hasText: '流程记录与批注' }).click()
  for (const comment of setup.comments) await page.getByText(comment).first().waitFor({ timeout: 30_000 })
  await page.locator('.relationship-table table').nth(1).waitFor({ timeout: 30_000 })
  await fillRelationshipCells(page)
}

/** The documents of the history tab's two join tables, in the order the tables show them (each collection's default sort). */
async function historyRows(page: Page): Promise<(table: number) => { slug: string; ids: string[] } | null> {
  const ids = (slug: string, sort: string) =>
    page.evaluate(
      async ([collection, order, article]) =>
        ((await (await fetch(`/api/${collection}?where[article][equals]=${article}&sort=${order}&depth=0&limit=100`)).json()) as { docs: { id: number | string }[] }).docs.map((doc) => String(doc.id)),
      [slug, sort, String(setup.articleId)] as const,
    )
  const tables = [
    { slug: 'workflow-events', ids: await ids('workflow-events', '-createdAt') },
    { slug: 'editorial-comments', ids: await ids('editorial-comments', 'createdAt') },
  ]
  return (table) => tables[table] ?? null
}

async function visitEverything(page: Page, who: string): Promise<{ problems: string[]; visited: string[] }> {
  const problems: string[] = []
  const visited: string[] = []
  const slugs = await readableCollections(page)
  expect(slugs).toEqual(expect.arrayContaining(['articles', 'columns', 'workflow-events', 'editorial-comments', 'users']))
  for (const slug of slugs) {
    await openList(page, slug)
    visited.push(`/admin/collections/${slug}`)
    problems.push(...(await namelessProblems(page, `${who} ${slug} 列表`, () => null)))
  }
  await openHistoryTab(page)
  visited.push(`/admin/collections/articles/${setup.articleId} 流程记录与批注`)
  problems.push(...(await namelessProblems(page, `${who} 流程记录与批注`, await historyRows(page))))
  const history = await page.locator('.relationship-table').first().innerText()
  const comments = await page.locator('.relationship-table').nth(1).innerText()
  for (const name of [setup.names.editor, setup.names.journalist]) {
    if (!history.includes(name)) problems.push(`${who} 流程记录: 没有显示操作人 ${name}`)
    if (!comments.includes(name)) problems.push(`${who} 编辑部批注: 没有显示作者 ${name}`)
  }
  await page.goto(`${running.server.baseUrl}/admin/collections/articles/${setup.articleId}/versions`)
  await page.locator('table').first().waitFor({ timeout: 30_000 })
  await fillRelationshipCells(page)
  visited.push(`/admin/collections/articles/${setup.articleId}/versions`)
  problems.push(...(await namelessProblems(page, `${who} 版本`, () => null)))
  return { problems, visited }
}

describe('names in the admin’s relationship cells', () => {
  it.each([
    ['editor', EDITOR],
    ['journalist', JOURNALIST],
  ])('shows every related name to the %s: each list, the history tab and the versions view', async (who, email) => {
    const page = await signIn(running.browser, running.server.baseUrl, email, PASSWORD)
    const refused = watchRefusals(page)
    const { problems, visited } = await visitEverything(page, who)
    console.log(`${who}: visited ${visited.length} admin views, ${problems.length} nameless cells, ${refused.length} refused API requests`)
    expect({ problems, refused }).toEqual({ problems: [], refused: [] })
    await page.context().close()
  })

  it('keeps screenshots of the article list and the history tab at 1280 and 390 px', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true })
    const page = await signIn(running.browser, running.server.baseUrl, EDITOR, PASSWORD)
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 })
      await openList(page, 'articles')
      await page.screenshot({ path: path.join(ARTIFACTS, `articles-list-${width}.png`), fullPage: true })
      await openHistoryTab(page)
      await page.screenshot({ path: path.join(ARTIFACTS, `history-tab-${width}.png`), fullPage: true })
      expect(await namelessProblems(page, `history @${width}`, await historyRows(page))).toEqual([])
    }
    await page.context().close()
  })
})
