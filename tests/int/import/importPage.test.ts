import type { Payload } from 'payload'

import { importPage, pageKeyOf } from '@/import/importPage'
import { parsePage } from '@/import/parsePage'
import { readSeedPage } from '@/seed/data'
import { useTestPayload } from '../../helpers/payload'

let payload: Payload

/** The seed pages do not state their edition: every import gives it. */
const EDITION = { date: '2025-11-13', pageNumber: 5, pageName: '城市新闻' }
/** Another day's edition: copies of a page already imported that day would match its drafts by headline. */
const editionOn = (date: string) => ({ ...EDITION, date })

useTestPayload({ seed: true }, (booted) => ({ payload } = booted))

const counts = async () => {
  const result: Record<string, number> = {}
  for (const collection of ['articles', 'bylines', 'columns', 'regions', 'tags', 'photos'] as const) result[collection] = (await payload.count({ collection, overrideAccess: true })).totalDocs
  return result
}
const imported = async (text: string) =>
  (await payload.find({ collection: 'articles', where: { sourceKey: { like: `import:${pageKeyOf(text)}:` } }, draft: true, depth: 1, limit: 0, pagination: false, overrideAccess: true })).docs

describe('importing a print page into the database', () => {
  it('creates one draft per article, matching the columns, bylines and regions already there', async () => {
    const before = await counts()
    const text = readSeedPage('000')
    const result = await importPage(payload, text, { edition: EDITION })
    expect(result.status).toBe('created')
    const after = await counts()
    expect(after.articles - before.articles).toBe(4)
    expect({ bylines: after.bylines, columns: after.columns, regions: after.regions, tags: after.tags }).toEqual({ bylines: before.bylines, columns: before.columns, regions: before.regions, tags: before.tags })
    const drafts = await imported(text)
    expect(drafts.every((draft) => draft._status === 'draft' && draft.workflowState === 'draft')).toBe(true)
    const tianxin = drafts.find((draft) => draft.title === '党建引领，“红色引擎”激发多元共治新活力')!
    expect(tianxin.column && typeof tianxin.column === 'object' && tianxin.column.name).toBe('善治天心')
    expect(tianxin.installment?.number).toBe(2)
    expect(tianxin.bylines?.map((row) => (typeof row.byline === 'object' ? row.byline.name : row.byline))).toEqual(['张福芳', '付柯瞰'])
    expect(tianxin.leadPhoto && typeof tianxin.leadPhoto === 'object' && tianxin.leadPhoto.caption).toContain('申奥美域小区')
    expect(tianxin.reviewFlags?.some((flag) => flag.note.includes('占位图'))).toBe(true)
    const chenzhou = drafts.find((draft) => draft.title === '唤醒沉睡资产 筑牢保障底线')!
    expect(chenzhou.regions?.map((region) => (typeof region === 'object' ? region.name : region))).toEqual(['郴州市'])
  })

  it('creates nothing when the same page is imported again, and says which drafts it found', async () => {
    const before = await counts()
    const result = await importPage(payload, `${readSeedPage('000')}\r\n`, { edition: EDITION })
    expect(result.status).toBe('alreadyImported')
    if (result.status === 'refused') throw new Error(result.problem)
    expect(result.warnings[0]).toContain('没有写入任何内容')
    expect(result.articles.map((article) => [article.outcome, article.existing?.rule])).toEqual(Array(4).fill(['skipped', 'sourceKey']))
    expect(await counts()).toEqual(before)
  })

  it('refuses a page whose edition is not given, writing nothing', async () => {
    const before = await counts()
    const result = await importPage(payload, `${readSeedPage('000')}\n\n（未给版次）`, { edition: { date: '2025-11-13' } })
    expect(result).toMatchObject({ status: 'refused', problem: '请填写版次、版名：版面文本中没有写明' })
    expect(await counts()).toEqual(before)
  })

  it('marks the uncertain on the drafts: interleaved briefs, fragments, a misplaced headline', async () => {
    const text = readSeedPage('001')
    await importPage(payload, text, { edition: EDITION })
    const drafts = await imported(text)
    expect(drafts).toHaveLength(6)
    const kinds = (title: string) => drafts.find((draft) => draft.title.startsWith(title))?.reviewFlags?.map((flag) => flag.kind) ?? []
    expect(kinds('宁远县')).toContain('interleaved')
    expect(kinds('祁阳市')).toContain('interleaved')
    expect(kinds('打造县域经济强劲引擎')).toContain('misplacedHeadline')
    expect(drafts.filter((draft) => draft.reviewFlags?.some((flag) => flag.kind === 'fragment'))).toHaveLength(2)
    expect(drafts.filter((draft) => draft.needsReview).length).toBeGreaterThanOrEqual(5)
  })

  it('leaves nothing behind when an article fails part-way through a page', async () => {
    const text = `${readSeedPage('001')}\n\n测试用的尾注。`
    const parse = parsePage(text)
    // The third article names a byline the bylines collection refuses (digits in a name):
    // the two articles before it are created, then rolled back with everything else.
    parse.articles[2] = { ...parse.articles[2], bylines: [{ name: '第2号记者', role: 'reporter' }] }
    parse.articles[0] = { ...parse.articles[0], bylines: [{ name: '导入回滚测试人', role: 'reporter' }] }
    const before = await counts()
    await expect(importPage(payload, text, { parse, edition: editionOn('2025-11-14') })).rejects.toThrow()
    expect(await counts()).toEqual(before)
    expect(await imported(text)).toEqual([])
  })

  it('keeps the drafts an import cut short by a crash left, and creates only the rest on the next attempt', async () => {
    const text = `${readSeedPage('000')}\n\n（崩溃恢复测试）`
    const key = pageKeyOf(text)
    // Without a transaction (a MongoDB without a replica set) a crash can leave the drafts written so far.
    const left = await payload.create({ collection: 'articles', draft: true, data: { title: '中断留下的草稿', sourceKey: `import:${key}:1` } as never, overrideAccess: true })
    const result = await importPage(payload, text, { edition: editionOn('2025-11-15') })
    expect(result.status).toBe('created')
    if (result.status === 'refused') throw new Error(result.problem)
    expect(result.articles[1]).toMatchObject({ outcome: 'skipped', id: left.id })
    const drafts = await imported(text)
    expect(drafts.filter((draft) => draft.title === '中断留下的草稿')).toHaveLength(1)
    expect(drafts).toHaveLength(parsePage(text).articles.length)
  })
})
