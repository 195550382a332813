import { renderToStaticMarkup } from 'react-dom/server'

import { ImportFilePreview } from '@/admin/components/ImportFilePreview'
import { planArticle } from '@/import/decisions'
import type { FilePreview } from '@/import/endpoints'
import type { ArticlePlan } from '@/import/decisions'
import { type ImportFindings, importedArticleFindings } from '@/import/pageFindings'
import { parsePage } from '@/import/parsePage'
import sensitiveTermList from '@/proofreading/data/sensitiveTerms.json'
import type { SensitiveTerm } from '@/proofreading/dictionaries'
import { readSeedPage } from '@/seed/data'

const parse = parsePage(readSeedPage('001'))
const EDITION = { date: '2025-11-13', pageNumber: 6, pageName: '县域新闻' }
const findings = new Map<number, ImportFindings>()
beforeAll(async () => {
  for (const [index, article] of parse.articles.entries()) findings.set(index, await importedArticleFindings(article, sensitiveTermList.entries as SensitiveTerm[], []))
})
const withFindings = (plans: ArticlePlan[]) => plans.map((plan) => ({ ...plan, proofreading: findings.get(plan.index)! }))

function render(preview: Partial<FilePreview>, decisions = {}): string {
  const full: FilePreview = {
    name: 'county.txt',
    encoding: 'utf-8',
    format: 'text',
    parse,
    edition: { fromPage: parse.edition, value: EDITION, missing: [] },
    articles: withFindings(parse.articles.map((article, index) => planArticle(index, article.title, null))),
    ...preview,
  }
  return renderToStaticMarkup(<ImportFilePreview fileIndex={0} preview={full} edition={{ date: EDITION.date, pageNumber: '6', pageName: EDITION.pageName }} onEdition={() => undefined} decisions={decisions} onDecision={() => undefined} />)
}

describe('one file of the import preview', () => {
  it('says the edition the drafts will carry as the paper prints it', () => {
    expect(render({})).toContain('草稿将标为：2025年11月13日 第6版 县域新闻')
  })

  it('asks for the edition fields the page does not state', () => {
    const html = render({ edition: { fromPage: parse.edition, value: null, missing: ['date', 'pageNumber', 'pageName'] } })
    expect(html.match(/（必填：版面文本没有写明）/g)).toHaveLength(3)
    expect(html).toContain('填好见报日期后，才能核对同一天是否已有同题稿件')
  })

  it('names an article on the site with the rule that matched and a link to it, and counts it as skipped', () => {
    const existing = { id: 42, title: parse.articles[2].title, state: 'published' as const, onSite: true, origin: 'seed' as const, rule: 'titleAndEditionDate' as const }
    const articles = parse.articles.map((article, index) => planArticle(index, article.title, index === 2 ? existing : null))
    const html = render({ articles: withFindings(articles) })
    expect(html).toContain('已在网站上（已发布）')
    expect(html).toContain('标题与见报日期相同（该稿来自示例数据）')
    expect(html).toContain('href="/admin/collections/articles/42"')
    expect(html).toContain('本版 6 篇：将新建 5 篇，跳过 1 篇')
  })

  it('keeps an editor’s choice only for the match it was made for', () => {
    const existing = { id: 42, title: parse.articles[0].title, state: 'draft' as const, onSite: false, origin: 'import' as const, rule: 'titleAndEditionDate' as const }
    const articles = parse.articles.map((article, index) => planArticle(index, article.title, index === 0 ? existing : null))
    expect(render({ articles: withFindings(articles) }, { '0:42': 'update' })).toContain('将新建 5 篇，更新 1 篇，跳过 0 篇')
    expect(render({ articles: withFindings(articles) }, { '0:7': 'update' })).toContain('将新建 5 篇，跳过 1 篇')
  })

  it('shows no link to an article the viewer may not read', () => {
    const existing = { id: null, title: '（您无权查看的稿件）', state: 'draft' as const, onSite: false, origin: 'import' as const, rule: 'sourceKey' as const }
    const articles = parse.articles.map((article, index) => planArticle(index, article.title, index === 0 ? existing : null))
    const html = render({ articles: withFindings(articles) })
    expect(html).toContain('（您无权查看的稿件）')
    expect(html).not.toContain('/admin/collections/articles/')
  })

  it('lists what the 校对 checker finds in each article before it is imported, such as a quotation mark the page never closes', () => {
    const html = render({})
    expect(html.match(/data-testid="import-proofreading"/g)).toHaveLength(parse.articles.length)
    const lastArticle = html.slice(html.lastIndexOf('data-testid="import-article"'))
    expect(lastArticle).toMatch(/校对：差错 \d+ 处，提示 \d+ 处/)
    expect(lastArticle).toContain('差错</strong>·标点·正文：““”')
  })
})
