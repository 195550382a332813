import { describeEdition, headerEditionOf, resolveEdition } from '@/import/edition'
import { parsePage } from '@/import/parsePage'
import { readSeedPage } from '@/seed/data'

describe('reading the edition a page states', () => {
  it.each([
    ['2025年11月13日 星期四 第05版：县域新闻', { date: '2025-11-13', pageNumber: 5, pageName: '县域新闻' }],
    ['湖南日报 2025年11月13日 第6版 城市新闻 责任编辑：张三', { date: '2025-11-13', pageNumber: 6, pageName: '城市新闻' }],
    ['第十二版·市州新闻', { date: null, pageNumber: 12, pageName: '市州新闻' }],
    ['见报日期：2025-11-13  版次：3  版名：要闻', { date: '2025-11-13', pageNumber: 3, pageName: '要闻' }],
    ['2025.1.5', { date: '2025-01-05', pageNumber: null, pageName: null }],
  ])('reads “%s” as a header line', (line, edition) => {
    expect(headerEditionOf(line)).toEqual(edition)
  })

  it.each([
    '11月13日,在桂阳高新区安培龙最新投产的三期生产车间,工人正忙着操控设备赶温度传感器订单。',
    '2021年,是中国共产党建党100周年',
    '（记者 张三 2025年11月13日）',
    '善治天心②',
  ])('does not take “%s” for a header line', (line) => {
    expect(headerEditionOf(line)).toBeNull()
  })

  it('prefills from a header line above the page and keeps that line out of every article', () => {
    const parse = parsePage(`2025年11月13日 星期四 第6版：县域新闻\n\n${readSeedPage('001')}`)
    expect({ date: parse.edition.date, pageNumber: parse.edition.pageNumber, pageName: parse.edition.pageName }).toEqual({ date: '2025-11-13', pageNumber: 6, pageName: '县域新闻' })
    expect(parse.edition.source).toEqual(['2025年11月13日 星期四 第6版：县域新闻'])
    expect(parse.articles.map((article) => article.title)).toEqual(parsePage(readSeedPage('001')).articles.map((article) => article.title))
  })

  it('says nothing of an edition the seed pages do not state', () => {
    for (const page of ['000', '001'] as const) expect(parsePage(readSeedPage(page)).edition).toEqual({ date: null, pageNumber: null, pageName: null, source: [] })
  })
})

describe('the edition an import writes', () => {
  const none = { date: null, pageNumber: null, pageName: null }

  it('requires what the page does not say, naming the fields', () => {
    const check = resolveEdition({}, none)
    expect(check).toEqual({ ok: false, missing: ['date', 'pageNumber', 'pageName'], invalid: [], problems: ['请填写见报日期、版次、版名：版面文本中没有写明'], partial: none })
  })

  it('takes what the page says, and what the editor types over it', () => {
    expect(resolveEdition({ pageName: ' 县域新闻 ' }, { date: '2025-11-13', pageNumber: 6, pageName: null })).toEqual({ ok: true, edition: { date: '2025-11-13', pageNumber: 6, pageName: '县域新闻' } })
    expect(resolveEdition({ date: '2025-11-14', pageNumber: '7', pageName: '要闻' }, { date: '2025-11-13', pageNumber: 6, pageName: '县域新闻' })).toEqual({ ok: true, edition: { date: '2025-11-14', pageNumber: 7, pageName: '要闻' } })
  })

  it.each([
    [{ date: '2025-02-30', pageNumber: 1, pageName: '要闻' }, '见报日期“2025-02-30”不是有效日期'],
    [{ date: '13/11/2025', pageNumber: 1, pageName: '要闻' }, '见报日期“13/11/2025”不是有效日期'],
    [{ date: '2025-11-13', pageNumber: 0, pageName: '要闻' }, '版次“0”无效'],
    [{ date: '2025-11-13', pageNumber: '五', pageName: '要闻' }, '版次“五”无效'],
    [{ date: '2025-11-13', pageNumber: 1, pageName: '版'.repeat(101) }, '版名最多 100 个字'],
  ])('refuses %j', (input, problem) => {
    const check = resolveEdition(input, none)
    expect(check.ok).toBe(false)
    expect(!check.ok && check.problems.join(' ')).toContain(problem)
  })

  it('describes an edition as the paper prints it', () => {
    expect(describeEdition({ date: '2025-11-03', pageNumber: 5, pageName: '县域新闻' })).toBe('2025年11月3日 第5版 县域新闻')
  })
})
