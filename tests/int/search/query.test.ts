import type { Payload } from 'payload'

import type { Article, User } from '@payload-types'
import { rebuildSearchIndex, syncArticleInIndex, versionsToIndex } from '@/search/indexer'
import { searchArticles, type SearchOptions } from '@/search/query'
import { searchStoreFor } from '@/search/store'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { runDueSchedules } from '@/workflow/scheduler'
import { publishChange, publishThroughChain, submitAndSign, transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff

const bySourceKey = async (key: string): Promise<Article> =>
  (await payload.find({ collection: 'articles', where: { sourceKey: { like: `:${key}` } }, draft: true, limit: 1, depth: 0 })).docs[0]

const idOf = async (collection: 'columns' | 'regions' | 'bylines', name: string) =>
  (await payload.find({ collection, where: { name: { equals: name } }, limit: 1, depth: 0 })).docs[0].id

async function publish(article: Article) {
  await publishThroughChain(payload, staff, article.id)
}

const titles = async (query: string, options: SearchOptions = {}) => (await searchArticles(payload, query, options)).docs.map((doc) => doc.title)
const asStaff = (user: User): SearchOptions => ({ drafts: { user: { ...user, collection: 'users' } as never } })

useTestPayload({ staff: true, seed: true }, (booted) => ({ payload, staff } = booted))

describe('search over the seeded pages', () => {
  it.each([
    ['三资', '唤醒沉睡资产 筑牢保障底线'],
    ['科技之花', '桂阳让「科技之花」结出「产业之果」'],
    ['防毒墙', '宁远县:“三管齐下”,构建商贸流通领域“防毒墙”'],
    ['双减', '祁阳市:落实“双减”见成效'],
    ['南坪街道 店小二', '火红旗帜今更艳'],
    ['jianghongli', '火红旗帜今更艳'],
    ['商务 邵阳', '破局提质谋发展 商务赋能启新程'],
  ])('puts the right article first for %s', async (query, expected) => {
    expect((await titles(query))[0]).toBe(expected)
  })

  it('ranks a headline match above a body-only match', async () => {
    const found = await titles('防毒墙')
    expect(found[0]).toContain('防毒墙')
  })

  it('never returns a draft or text from one to readers', async () => {
    // 红色网格 and 申奥美域 are only in the 善治天心② draft, 文印 only in the 新化篇 draft.
    expect(await titles('红色网格')).toEqual([])
    expect(await titles('申奥美域')).toEqual([])
    expect(await titles('文印')).toEqual([])
  })

  it('lets editors find drafts, and a journalist only the drafts they may read', async () => {
    expect(await titles('红色网格', asStaff(staff.editor))).toEqual(['党建引领，“红色引擎”激发多元共治新活力'])
    expect(await titles('红色网格', asStaff(staff.journalist))).toEqual([])
    await expect(searchArticles(payload, '红色网格', { drafts: { user: null } })).rejects.toThrow('登录')
  })

  it('finds an article once published, by words the segmenter splits, by byline, by pinyin and by column', async () => {
    await publish(await bySourceKey('shanzhi-tianxin-2'))
    for (const query of ['红色网格', '网格员', '申奥美域', '张福芳', 'zhangfufang', 'zff', '善治天心', 'shanzhitianxin']) {
      expect([query, (await titles(query))[0]]).toEqual([query, '党建引领，“红色引擎”激发多元共治新活力'])
    }
  })

  it('ANDs the words of a mixed query and finds a single character', async () => {
    await publish(await bySourceKey('xinhua-pian-1'))
    expect((await titles('新化 文印'))[0]).toBe('打造县域经济强劲引擎')
    expect(await titles('新化 防毒墙')).toEqual([])
    // MongoDB's text index has no prefix search (docs/search.md): one character is SQLite's only.
    if (payload.db.name === 'sqlite') expect((await titles('墙')).length).toBeGreaterThan(0)
  })

  it('cuts a snippet around the match and marks where the words are', async () => {
    const { docs } = await searchArticles(payload, '三资')
    const [hit] = docs
    expect(hit.snippet).toContain('三资')
    expect(Array.from(hit.snippet).length).toBeLessThanOrEqual(102)
    expect(hit.highlights.length).toBeGreaterThan(0)
    for (const [start, end] of hit.highlights) expect(hit.snippet.slice(start, end)).toBe('三资')
  })

  it('filters by column, region (with sub-regions), byline and date, and pages without overlap', async () => {
    const column = await idOf('columns', '非凡“十四五”')
    expect(await titles('桂阳', { filters: { column } })).toEqual(['桂阳让「科技之花」结出「产业之果」'])
    const chenzhou = await idOf('regions', '郴州市')
    const inChenzhou = await titles('发展', { filters: { region: chenzhou } })
    expect(inChenzhou).toContain('桂阳让「科技之花」结出「产业之果」')
    expect(inChenzhou).not.toContain('火红旗帜今更艳')
    const luohui = await idOf('bylines', '罗徽')
    expect(await titles('发展', { filters: { byline: luohui } })).toEqual(['桂阳让「科技之花」结出「产业之果」'])
    expect(await titles('发展', { filters: { from: '2000-01-01', to: '2000-12-31' } })).toEqual([])
    const first = await searchArticles(payload, '发展', { limit: 2 })
    const second = await searchArticles(payload, '发展', { limit: 2, page: 2 })
    expect(first.totalDocs).toBeGreaterThan(2)
    expect(first.totalPages).toBe(Math.ceil(first.totalDocs / 2))
    expect(second.docs).toHaveLength(2)
    expect(second.docs.map((doc) => doc.id)).not.toEqual(expect.arrayContaining(first.docs.map((doc) => doc.id)))
  })

  it('keeps readers on the published text while a newer draft waits, and staff on the draft', async () => {
    const article = await bySourceKey('qiyang-shuangjian')
    await payload.update({ collection: 'articles', id: article.id, draft: true, data: { title: '祁阳市：课后服务托起幸福童年' }, overrideAccess: true })
    expect(await titles('幸福童年')).toEqual([])
    expect(await titles('双减')).toContain('祁阳市:落实“双减”见成效')
    expect(await titles('幸福童年', asStaff(staff.editor))).toEqual(['祁阳市：课后服务托起幸福童年'])
  })

  it('finds an article the scheduler publishes, and not a minute before', async () => {
    const now = new Date()
    const article = await payload.create({ collection: 'articles', data: { title: '定时发布的检索测试稿：梅溪湖夜市' } as never, draft: true, user: { ...staff.editor, collection: 'users' } })
    await submitAndSign(payload, staff, article.id, { now })
    await transitionAs(payload, staff.editor, { id: article.id, action: 'schedule', now, publishAt: new Date(now.getTime() + 10 * 60_000) })
    expect(await titles('梅溪湖夜市')).toEqual([])
    expect((await runDueSchedules(payload, new Date(now.getTime() + 11 * 60_000))).published).toContain(article.id)
    expect(await titles('梅溪湖夜市')).toEqual(['定时发布的检索测试稿：梅溪湖夜市'])
  })

  it('drops an article the scheduler takes offline when it expires', async () => {
    const [hit] = (await searchArticles(payload, '梅溪湖夜市')).docs
    const current = await payload.findByID({ collection: 'articles', id: hit.id, depth: 0 })
    const now = new Date()
    await payload.update({ collection: 'articles', id: hit.id, data: { unpublishAt: new Date(now.getTime() + 20 * 60_000).toISOString(), updatedAt: current.updatedAt }, user: { ...staff.editor, collection: 'users' }, overrideAccess: false })
    expect(await titles('梅溪湖夜市')).toEqual(['定时发布的检索测试稿：梅溪湖夜市'])
    expect((await runDueSchedules(payload, new Date(now.getTime() + 21 * 60_000))).expired).toContain(hit.id)
    expect(await titles('梅溪湖夜市')).toEqual([])
    expect(await titles('梅溪湖夜市', asStaff(staff.editor))).toEqual(['定时发布的检索测试稿：梅溪湖夜市'])
  })

  it('follows edits, retractions and deletions', async () => {
    const article = await bySourceKey('qiyang-shuangjian')
    await publishChange(payload, staff, article.id, { title: '祁阳市：课后服务托起幸福童年' })
    expect(await titles('幸福童年')).toEqual(['祁阳市：课后服务托起幸福童年'])
    await transitionAs(payload, staff.chiefEditor, { id: article.id, action: 'retract', note: '测试撤稿' })
    expect(await titles('幸福童年')).toEqual([])
    expect(await titles('祁阳')).not.toContain('祁阳市：课后服务托起幸福童年')
    const other = await bySourceKey('ningyuan-jindu')
    await payload.delete({ collection: 'articles', id: other.id, overrideAccess: true })
    expect(await titles('防毒墙')).toEqual([])
    expect(await titles('防毒墙', asStaff(staff.editor))).toEqual([])
  })

  it('re-indexes articles when their byline is renamed', async () => {
    const zhang = await idOf('bylines', '张福芳')
    await payload.update({ collection: 'bylines', id: zhang, data: { name: '张芳芳' }, overrideAccess: true })
    expect(await titles('张芳芳')).toEqual(['党建引领，“红色引擎”激发多元共治新活力'])
    expect(await titles('zhangfangfang')).toEqual(['党建引领，“红色引擎”激发多元共治新活力'])
    expect(await titles('张福芳')).toEqual([])
  })

  it('rebuilds to the same results it kept up save by save', async () => {
    const before = await searchArticles(payload, '发展', { limit: 50 })
    const staffBefore = await searchArticles(payload, '发展', { limit: 50, ...asStaff(staff.editor) })
    const report = await rebuildSearchIndex(payload)
    expect(report.articles).toBe((await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs)
    expect((await searchArticles(payload, '发展', { limit: 50 })).docs).toEqual(before.docs)
    expect((await searchArticles(payload, '发展', { limit: 50, ...asStaff(staff.editor) })).docs).toEqual(staffBefore.docs)
    const { entries } = await (await searchStoreFor(payload)).stats()
    await syncArticleInIndex(payload, before.docs[0].id)
    expect((await (await searchStoreFor(payload)).stats()).entries).toBe(entries)
  })

  it('keeps finding every article for readers and staff while the index is rebuilt', async () => {
    const expected = { readers: await titles('科技之花'), staff: await titles('红色网格', asStaff(staff.editor)) }
    expect(expected.readers).toEqual(['桂阳让「科技之花」结出「产业之果」'])
    let finished = false
    const rebuilding = rebuildSearchIndex(payload, { batchSize: 3 }).finally(() => (finished = true))
    const seen: { readers: string[]; staff: string[] }[] = []
    while (!finished) {
      seen.push({ readers: await titles('科技之花'), staff: await titles('红色网格', asStaff(staff.editor)) })
      await new Promise((resolve) => setImmediate(resolve))
    }
    await rebuilding
    expect(seen.length).toBeGreaterThan(3)
    expect(seen.filter((found) => found.readers.join() !== expected.readers.join() || found.staff.join() !== expected.staff.join())).toEqual([])
  })

  it('drops, when it rebuilds, the entries of articles that are gone', async () => {
    const store = await searchStoreFor(payload)
    const [newest] = (await payload.find({ collection: 'articles', sort: '-id', limit: 1, depth: 2, draft: true, overrideAccess: true })).docs
    const { entries } = await store.stats()
    const gone = { ...newest, id: newest.id + 1000, title: '早已删除的稿件：湘江夜航' }
    await store.replaceArticle(gone.id, versionsToIndex(null, gone, () => []))
    expect((await store.stats()).entries).toBe(entries + 1)
    const report = await rebuildSearchIndex(payload, { batchSize: 2 })
    expect(report.entries).toBe(entries)
    expect((await store.stats()).entries).toBe(entries)
  })
})

describe('finding names by pinyin', () => {
  it('matches a byline or column by full pinyin or initials wherever its name is searched', async () => {
    const names = async (collection: 'bylines' | 'columns', like: string) =>
      (await payload.find({ collection, where: { name: { like } }, depth: 0, limit: 10 })).docs.map((doc) => doc.name)
    expect(await names('bylines', 'jianghongli')).toEqual(['姜鸿丽'])
    expect(await names('bylines', 'JHL')).toEqual(['姜鸿丽'])
    expect(await names('bylines', 'jiang hong')).toEqual(['姜鸿丽'])
    expect(await names('columns', 'sztx')).toEqual(['善治天心'])
    expect(await names('bylines', '姜鸿')).toEqual(['姜鸿丽'])
  })

  it('puts the pinyin in the title the admin’s relationship pickers filter on', async () => {
    const { docs } = await payload.find({ collection: 'bylines', where: { pickerTitle: { like: 'jhl' } }, depth: 0 })
    expect(docs.map((doc) => doc.pickerTitle)).toEqual(['姜鸿丽（jianghongli / jhl）'])
  })
})
