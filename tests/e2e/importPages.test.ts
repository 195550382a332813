import { signIn } from '../helpers/adminSession'
import { useDemoServer } from '../helpers/demoServer'
import { session, signInSession } from '../helpers/restClient'
import { readSeedPage } from '../../src/seed/data'

const PASSWORD = 'newsroom-demo'
const running = useDemoServer({ withBrowser: true })

// A page the demo has not imported: the county page with a different last line.
const PAGE = `${readSeedPage('001')}\n\n（导入界面测试）`

describe('the admin’s 导入版面 view', () => {
  it('previews a page without writing anything, then imports it as drafts with links to them', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await page.goto(`${running.server.baseUrl}/admin/import`)
    await page.setInputFiles('#newsroom-import-files', { name: 'county.txt', mimeType: 'text/plain', buffer: Buffer.from(PAGE) })
    await page.getByRole('button', { name: '预览' }).click()
    const preview = page.getByTestId('import-preview')
    await preview.waitFor()
    expect(await preview.textContent()).toContain('将新建 6 篇草稿')
    expect(await preview.textContent()).toContain('宁远县:“三管齐下”,构建商贸流通领域“防毒墙”')
    expect(await preview.textContent()).toContain('交错')
    // The seed holds this brief once; the preview must not have added another.
    const copies = () =>
      page.evaluate(async (title) => (await (await fetch(`/api/articles?draft=true&limit=1&where[title][equals]=${encodeURIComponent(title)}`, { credentials: 'include' })).json()).totalDocs, '宁远县:“三管齐下”,构建商贸流通领域“防毒墙”')
    expect(await copies()).toBe(1)
    await page.getByRole('button', { name: '确认导入' }).click()
    const results = page.getByTestId('import-results')
    await results.waitFor()
    expect(await results.textContent()).toContain('已新建 6 篇草稿')
    const links = await results.locator('a').evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))
    expect(links).toHaveLength(6)
    expect(links.every((href) => /\/admin\/collections\/articles\/\d+$/.test(href ?? ''))).toBe(true)
    expect(await copies()).toBe(2)
    // Importing the same page again creates nothing.
    await page.getByRole('button', { name: '预览' }).click()
    await page.getByRole('button', { name: '确认导入' }).click()
    await page.getByText('这一版已经导入过').waitFor()
    await page.context().close()
  })

  it('explains a file it cannot read, in Chinese', async () => {
    const page = await signIn(running.browser, running.server.baseUrl, 'editor@newsroom.test', PASSWORD)
    await page.goto(`${running.server.baseUrl}/admin/import`)
    await page.setInputFiles('#newsroom-import-files', { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]) })
    await page.getByRole('button', { name: '预览' }).click()
    await page.getByText('不是文本文件').waitFor()
    await page.context().close()
  })

  it('lets a journalist preview but not import: imports may create columns and bylines', async () => {
    const journalist = await signInSession(running.server.baseUrl, 'journalist@newsroom.test', PASSWORD)
    const files = [{ name: 'a.txt', content: Buffer.from(PAGE).toString('base64') }]
    expect((await journalist.rest('/api/import/preview', { method: 'POST', body: { files } })).status).toBe(200)
    const refused = await journalist.rest('/api/import', { method: 'POST', body: { files } })
    expect(refused.status).toBe(403)
    expect(refused.json.errors[0].message).toContain('只有编辑')
  })

  it('refuses anonymous callers of the import endpoints: a whole page unread, a short text after reading', async () => {
    const anonymous = session(running.server.baseUrl)
    for (const path of ['/api/import/preview', '/api/import']) {
      const page = await anonymous.rest(path, { method: 'POST', body: { files: [{ name: 'a.txt', content: Buffer.from(PAGE).toString('base64') }] } })
      expect(page.status).toBe(413)
      expect(page.json.errors[0].message).toContain('未登录时')
      const short = await anonymous.rest(path, { method: 'POST', body: { files: [{ name: 'a.txt', content: Buffer.from(PAGE.slice(0, 200)).toString('base64') }] } })
      expect(short.status).toBe(401)
      expect(short.json.errors[0].message).toContain('登录')
    }
  })
})
