import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'

import { EditorialDashboard } from '@/admin/components/EditorialDashboard'
import { pageKeyOf } from '@/import/importPage'
import { toShanghaiDate } from '@/newsroom/dates'
import { readSeedPage } from '@/seed/data'
import { type InProcessClient, signedInClient } from '../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { wordFixture } from '../../helpers/wordFixtures'
import { publishThroughChain } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
let editor: InProcessClient

useTestPayload({ staff: true, seed: true }, async (booted) => {
  ;({ payload, staff } = booted)
  editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
})

// The county page with a line of its own: a page the seed has not loaded under this text.
const PAGE = `${readSeedPage('001')}\n\n（导入测试）`
const EDITION = { date: '2025-11-13', pageNumber: 6, pageName: '县域新闻' }
const BRIEF = '宁远县:“三管齐下”,构建商贸流通领域“防毒墙”'

const file = (text: string, extra: Record<string, unknown> = {}) => ({ name: 'county.txt', content: Buffer.from(text).toString('base64'), ...extra })
const preview = async (text: string, extra: Record<string, unknown> = {}) => editor.rest('/api/import/preview', { method: 'POST', body: { files: [file(text, extra)] } })
const importFile = async (text: string, extra: Record<string, unknown> = {}) => editor.rest('/api/import', { method: 'POST', body: { files: [file(text, extra)] } })
const articleCount = async () => (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
const planOf = (json: any, title: string) => json.files[0].articles.find((article: any) => article.title === title)

describe('previewing a page', () => {
  it('says every article will be created when none exists, and asks for the edition the page does not state', async () => {
    const { status, json } = await preview(PAGE)
    expect(status).toBe(200)
    const [page] = json.files
    expect(page.edition).toEqual({ fromPage: { date: null, pageNumber: null, pageName: null, source: [] }, value: null, missing: ['date', 'pageNumber', 'pageName'] })
    expect(page.articles).toHaveLength(6)
    expect(page.articles.every((article: any) => article.decision === 'create' && article.existing === null)).toBe(true)
  })

  it('prefills the edition from the page’s own header line', async () => {
    const { json } = await preview(`2025年11月20日 星期四 第7版：县域新闻\n\n${PAGE}`)
    expect(json.files[0].edition.value).toEqual({ date: '2025-11-20', pageNumber: 7, pageName: '县域新闻' })
  })

  it('names the same-headline article of the same day that came from elsewhere, on the site, and skips it by default', async () => {
    // The seed loaded this page's briefs as published articles of today's edition.
    const { json } = await preview(PAGE, { edition: { ...EDITION, date: toShanghaiDate(new Date()) } })
    const brief = planOf(json, BRIEF)
    expect(brief.existing).toMatchObject({ rule: 'titleAndEditionDate', origin: 'seed', onSite: true, state: 'published' })
    expect(brief.decision).toBe('skip')
    expect(brief.choices).toEqual(['skip', 'create'])
  })

  it('lists the 校对 checker’s findings on each article, the quotation mark the page never closes and the terms administrators keep among them', async () => {
    const term = await payload.create({ collection: 'proofreading-terms', data: { term: '防毒墙', severity: 'warning', suggestion: '防护网', note: '导入预览测试用词' }, overrideAccess: true })
    try {
      const { json } = await preview(PAGE)
      for (const plan of json.files[0].articles) expect(plan.proofreading.errors + plan.proofreading.warnings).toBe(plan.proofreading.findings.length)
      const feature = planOf(json, '打造县域经济强劲引擎')
      expect(feature.proofreading.findings).toContainEqual(expect.objectContaining({ category: 'punctuation', severity: 'error', field: 'body', text: '“', message: expect.stringContaining('没有配对') }))
      expect(planOf(json, BRIEF).proofreading.findings).toContainEqual(expect.objectContaining({ category: 'sensitive', severity: 'warning', field: 'title', text: '防毒墙', suggestion: '防护网' }))
    } finally {
      await payload.delete({ collection: 'proofreading-terms', id: term.id, overrideAccess: true })
    }
  })

  it('refuses an impossible edition naming the field, and writes nothing', async () => {
    const before = await articleCount()
    const { status, json } = await preview(PAGE, { edition: { ...EDITION, date: '2025-02-30' } })
    expect(status).toBe(400)
    expect(json.errors[0].message).toBe('county.txt：见报日期“2025-02-30”不是有效日期：应写作 2025-11-13')
    expect(await articleCount()).toBe(before)
  })
})

describe('importing a page', () => {
  it('refuses an import without the edition the page does not state, writing nothing', async () => {
    const before = await articleCount()
    const { status, json } = await importFile(PAGE, { edition: { date: EDITION.date } })
    expect(status).toBe(400)
    expect(json.errors[0].message).toBe('county.txt：请填写版次、版名：版面文本中没有写明')
    expect(await articleCount()).toBe(before)
  })

  it('creates drafts carrying 见报日期, 版次 and 版名, listed in the editors’ queue of imported drafts', async () => {
    const { status, json } = await importFile(PAGE, { edition: EDITION })
    expect(status).toBe(200)
    expect(json.files[0].status).toBe('created')
    expect(json.files[0].articles.map((article: any) => article.outcome)).toEqual(Array(6).fill('created'))
    const drafts = (await payload.find({ collection: 'articles', where: { sourceKey: { like: `import:${pageKeyOf(PAGE)}:` } }, draft: true, depth: 0, limit: 0, pagination: false, overrideAccess: true })).docs
    expect(drafts).toHaveLength(6)
    for (const draft of drafts) {
      expect({ date: toShanghaiDate(draft.print!.editionDate!), pageNumber: draft.print!.pageNumber, pageName: draft.print!.pageName }).toEqual(EDITION)
      expect(draft.owner).toBe(staff.editor.id)
    }
    const queue = renderToStaticMarkup(await EditorialDashboard({ payload, user: staff.editor })).split('data-testid="queue-待编导入稿"')[1]
    expect(queue).toContain(`/admin/collections/articles/${drafts[0].id}`)
    expect(queue).toContain('<span class="editorial-dashboard__count">6</span>')
  })

  it('says how many 差错 and 提示 each draft carries, as many as the draft’s 校对 panel then lists', async () => {
    // Another day's edition of the page: the drafts above are not taken for these.
    const counted = await importFile(`${PAGE}（校对计数）`, { edition: { ...EDITION, date: '2025-11-14' } })
    const written = counted.json.files[0].articles.filter((article: any) => article.outcome === 'created')
    expect(written).toHaveLength(6)
    for (const article of written) {
      const { json: panel } = await editor.rest(`/api/articles/${article.id}/proofreading`)
      const errors = panel.findings.filter((finding: any) => finding.severity === 'error').length
      expect({ title: article.title, ...article.proofreading }).toEqual({ title: article.title, errors, warnings: panel.findings.length - errors })
    }
    expect(written.some((article: any) => article.proofreading.errors > 0)).toBe(true)
  })

  it('previews the same page again as already imported, with the drafts to link to, and creates nothing when imported again', async () => {
    const { json } = await preview(PAGE, { edition: EDITION })
    const plans = json.files[0].articles
    expect(plans.every((plan: any) => plan.existing?.rule === 'sourceKey' && plan.existing.state === 'draft' && !plan.existing.onSite && plan.decision === 'skip')).toBe(true)
    expect(plans[0].choices).toEqual(['skip', 'update'])
    const before = await articleCount()
    const again = await importFile(PAGE, { edition: EDITION })
    expect(again.json.files[0].status).toBe('alreadyImported')
    expect(again.json.files[0].articles.map((article: any) => article.outcome)).toEqual(Array(6).fill('skipped'))
    expect(await articleCount()).toBe(before)
  })

  it('finds a re-exported page’s articles by headline and day, and never overwrites one on the site', async () => {
    const brief = (await payload.find({ collection: 'articles', where: { and: [{ sourceKey: { like: `import:${pageKeyOf(PAGE)}:` } }, { title: { equals: BRIEF } }] }, draft: true, depth: 0, overrideAccess: true })).docs[0]
    await publishThroughChain(payload, staff, brief.id)
    // The same page exported again with full-width punctuation: another text, another source key.
    const reexported = PAGE.replace('宁远县:“三管齐下”,构建', '宁远县：“三管齐下”，构建').replace('（导入测试）', '（导入测试，重新导出）')
    const { json } = await preview(reexported, { edition: EDITION })
    const plan = json.files[0].articles.find((article: any) => article.title.startsWith('宁远县'))
    expect(plan.existing).toMatchObject({ id: brief.id, rule: 'titleAndEditionDate', origin: 'import', onSite: true, state: 'published' })
    expect(plan.decision).toBe('skip')

    const before = await articleCount()
    const refused = await importFile(reexported, { edition: EDITION, decisions: { [plan.index]: 'update' } })
    expect(refused.status).toBe(409)
    expect(refused.json.errors[0].message).toContain('该稿已在网站上，导入不会覆盖已发布或已撤稿的稿件')
    expect(await articleCount()).toBe(before)

    const imported = await importFile(reexported, { edition: EDITION })
    const outcome = imported.json.files[0].articles[plan.index]
    expect(outcome).toMatchObject({ outcome: 'skipped', id: brief.id })
    expect(await articleCount()).toBe(before)
    const published = await payload.findByID({ collection: 'articles', id: brief.id, depth: 0, overrideAccess: true })
    expect(published.title).toBe(BRIEF)
  })

  it('tells a journalist who previews the page only that an article exists, not the headline or link of a draft they may not read', async () => {
    const journalist = await signedInClient(payload, staff.journalist.email, STAFF_PASSWORD)
    const { status, json } = await journalist.rest('/api/import/preview', { method: 'POST', body: { files: [file(PAGE, { edition: EDITION })] } })
    expect(status).toBe(200)
    const drafts = json.files[0].articles.filter((plan: any) => plan.existing?.state === 'draft')
    expect(drafts.length).toBeGreaterThan(0)
    for (const plan of drafts) expect(plan.existing).toMatchObject({ id: null, title: '（您无权查看的稿件）', rule: 'sourceKey' })
    // The published one is public: its headline and link are no secret.
    expect(json.files[0].articles.find((plan: any) => plan.existing?.onSite).existing.id).not.toBeNull()
  })

  it('updates an imported draft with the page’s text only when the editor chooses to, keeping what the desk added', async () => {
    const draft = (await payload.find({ collection: 'articles', where: { sourceKey: { equals: `import:${pageKeyOf(PAGE)}:0` } }, draft: true, depth: 0, overrideAccess: true })).docs[0]
    await payload.update({ collection: 'articles', id: draft.id, draft: true, data: { title: '编辑改过的标题', webTitle: '编辑加的网题' } as never, overrideAccess: true })
    const updated = await importFile(PAGE, { edition: { ...EDITION, pageNumber: 8 }, decisions: { 0: 'update' } })
    expect(updated.json.files[0].articles[0]).toMatchObject({ outcome: 'updated', id: draft.id })
    const after = await payload.findByID({ collection: 'articles', id: draft.id, draft: true, depth: 0, overrideAccess: true })
    expect([after.title, after.webTitle, after.print?.pageNumber]).toEqual([draft.title, '编辑加的网题', 8])
    expect(after.reviewFlags?.some((flag) => flag.note.includes('更新前的文字可在“版本”中找回'))).toBe(true)
  })
})

describe('Word copy', () => {
  const story = () => ({ name: 'story.docx', content: wordFixture('story.docx').toString('base64'), edition: { ...EDITION, pageNumber: 9 } })

  it('previews a .docx made by a word processor with the same recognition as page text', async () => {
    const { status, json } = await editor.rest('/api/import/preview', { method: 'POST', body: { files: [story()] } })
    expect(status).toBe(200)
    expect(json.files[0].format).toBe('docx')
    const [article] = json.files[0].parse.articles
    expect(article).toMatchObject({
      column: { name: '善治天心', installment: '②' },
      title: '党建引领，“红色引擎”激发多元共治新活力',
      subtitle: '天心区构建五级网格治理体系',
      bylines: [
        { name: '张福芳', role: 'staffReporter' },
        { name: '付柯瞰', role: 'correspondent' },
      ],
      photos: [{ caption: '文源街道金汇社区申奥美域小区成为了“物业善治”的生动典范。', credit: '张福芳', creditKind: 'photographer', image: 0 }],
      subheads: ['织密红色网格，治理精准到人'],
    })
  })

  it('imports the photo itself, the bold and italic spans, lists and tables into the draft', async () => {
    const { status, json } = await editor.rest('/api/import', { method: 'POST', body: { files: [story()] } })
    expect(status).toBe(200)
    const [draft] = json.files[0].articles
    expect(draft.outcome).toBe('created')
    const article = await payload.findByID({ collection: 'articles', id: draft.id, draft: true, depth: 0, overrideAccess: true })
    const upload = (article.body as any).root.children.find((node: any) => node.type === 'upload')
    const photo = await payload.findByID({ collection: 'photos', id: upload.value, depth: 0, overrideAccess: true })
    // The embedded photo (120×80, made by make.sh), not a placeholder; the collection stores it as WebP.
    expect(photo).toMatchObject({ width: 120, height: 80, alt: '申奥美域小区', caption: '文源街道金汇社区申奥美域小区成为了“物业善治”的生动典范。' })
    expect(article.reviewFlags?.some((flag) => flag.note.includes('占位图'))).toBe(false)
    const texts = (article.body as any).root.children.flatMap((node: any) => node.children ?? []).filter((node: any) => node.type === 'text')
    expect(texts.find((node: any) => node.text === '政治优势、组织优势')?.format).toBe(1)
    expect(texts.find((node: any) => node.text === '连连点赞')?.format).toBe(2)
    const paragraphs = (article.body as any).root.children.filter((node: any) => node.type === 'paragraph').map((node: any) => node.children.map((child: any) => child.text).join(''))
    expect(paragraphs).toEqual(expect.arrayContaining(['1. 配备1个党组织；', '网格长 | 600人', '• 12345热线工单回访满意率达90.11%。']))
  })
})

describe('bad input', () => {
  it.each([
    ['a PDF', 'bad.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 400, '不是文本文件'],
    ['text in neither UTF-8 nor GB18030', 'bad.txt', Buffer.from(Array.from({ length: 64 }, () => 0xff)), 400, '无法识别的文字编码'],
    ['a file over 2 MB', 'bad.txt', Buffer.alloc(3 * 1024 * 1024, 0x41), 413, '文件过大'],
    ['an older Word file', 'story.doc', wordFixture('story.doc'), 400, '旧版 Word（.doc）或 WPS'],
    ['a WPS file', 'story.wps', wordFixture('story.doc'), 400, '旧版 Word（.doc）或 WPS'],
    ['a damaged Word file', 'damaged.docx', wordFixture('damaged.docx'), 400, '文件已损坏'],
    ['a zip bomb', 'bomb.docx', wordFixture('bomb.docx'), 413, '疑似压缩炸弹'],
    ['a zip bomb whose directory lies', 'bomb.docx', wordFixture('hidden-bomb.docx'), 413, '疑似压缩炸弹'],
  ])('refuses %s with a Chinese 4xx naming the file, and writes nothing', async (_label, name, bytes, status, message) => {
    const before = await articleCount()
    for (const route of ['/api/import/preview', '/api/import']) {
      const files = [file(PAGE, { edition: EDITION }), { name, content: bytes.toString('base64'), edition: EDITION }]
      const reply = await editor.rest(route, { method: 'POST', body: { files } })
      expect(reply.status).toBe(status)
      expect(reply.json.errors[0].message.startsWith(`${name}：`)).toBe(true)
      expect(reply.json.errors[0].message).toContain(message)
    }
    expect(await articleCount()).toBe(before)
  })

  it('turns text it cannot structure into a flagged draft instead of refusing it', async () => {
    const { status, json } = await preview('这是一段普通的文字，没有标题，也没有署名。', { name: 'prose.txt' })
    expect(status).toBe(200)
    const [article] = json.files[0].parse.articles
    expect(article).toMatchObject({ titleIsPlaceholder: true, needsReview: true, paragraphs: ['这是一段普通的文字，没有标题，也没有署名。'] })
    expect(article.reviewFlags.map((flag: { kind: string }) => flag.kind)).toContain('fragment')
    expect(article.confidence.title).toBe(0)
  })

  it('refuses choices that are not create, update or skip', async () => {
    const reply = await importFile(PAGE, { edition: EDITION, decisions: { 0: 'overwrite' } })
    expect(reply.status).toBe(400)
    expect(reply.json.errors[0].message).toContain('第 1 篇的导入选择“overwrite”无效')
  })
})
