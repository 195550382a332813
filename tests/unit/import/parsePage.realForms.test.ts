import { lowConfidenceFields } from '@/import/confidence'
import { parsePage } from '@/import/parsePage'

// Pages written for these tests in the forms the issue lists from real papers' pages: datelines
// that carry the bylines, outlet bylines, stacked headlines, notices, photo news, briefs, jumps.
const titles = (text: string) => parsePage(text).articles.map((article) => article.title)
const everyBlockKept = (text: string) => {
  const parse = parsePage(text)
  return [...parse.articles.flatMap((article) => article.source), ...parse.unassigned, ...parse.edition.source].join('').replace(/\s/g, '') === text.replace(/\s/g, '')
}

const DATELINED = `
全省秋粮收购进度过半

湖南日报3月3日讯(全媒体记者 刘洋 通讯员 王刚)记者今天从省粮食和物资储备局获悉，全省秋粮收购已过半。

各地粮库开足马力，确保农民卖粮不难。

外交部回应有关问题

新华社北京十月二日电 外交部发言人今天在例行记者会上回答了有关提问。
`

describe('datelines and outlets', () => {
  it('takes a short line over a dateline as a headline, and the dateline’s names as the bylines', () => {
    const [grain, wire] = parsePage(DATELINED).articles
    expect(grain).toMatchObject({ title: '全省秋粮收购进度过半', dateline: '湖南日报3月3日讯(全媒体记者 刘洋 通讯员 王刚)', bylines: [{ name: '刘洋' }, { name: '王刚' }] })
    expect(grain.paragraphs[0].startsWith('湖南日报3月3日讯')).toBe(true)
    expect(wire).toMatchObject({ title: '外交部回应有关问题', bylines: [{ name: '新华社', role: 'byline' }], outlet: '新华社' })
    expect(grain.outlet).toBe('湖南日报')
    expect(everyBlockKept(DATELINED)).toBe(true)
  })

  it('is less sure of bylines read from a dateline than of a byline line, and says neither is low', () => {
    const [grain] = parsePage(DATELINED).articles
    expect(grain.confidence.bylines).toBeLessThan(0.95)
    expect(lowConfidenceFields(grain.confidence)).toEqual([])
  })
})

describe('headlines in other stacks', () => {
  it('reads 引题, 主题 and a 副题 printed without its dash over the bylines', () => {
    const page = '\n奋战四季度 确保全年红\n\n我省工业经济稳中有进\n\n前三季度规模工业增加值增长6.8%\n\n本报记者 周磊\n\n今年以来，全省工业经济顶住压力，稳中有进。\n'
    expect(parsePage(page).articles[0]).toMatchObject({ kicker: '奋战四季度 确保全年红', title: '我省工业经济稳中有进', subtitle: '前三季度规模工业增加值增长6.8%', bylines: [{ name: '周磊', role: 'staffReporter' }] })
  })

  it('prints a correction under its one-word headline', () => {
    const page = '\n更正\n\n本报11月5日第3版《秋粮收购进度过半》一文中，“王钢”应为“王刚”。特此更正。\n'
    expect(titles(page)).toEqual(['更正'])
  })

  it('reads photo news: a headline over captions, each with its photographer', () => {
    const page = '\n金秋时节收获忙\n\n11月12日，双峰县农民在田间收割晚稻。本报记者 李健 摄\n\n11月12日，农机手驾驶收割机作业。（新华社记者 陈思汗 摄）\n'
    const [article] = parsePage(page).articles
    expect(article.title).toBe('金秋时节收获忙')
    expect(article.photos.map((photo) => photo.credit)).toEqual(['李健', '陈思汗'])
  })

  it('reads a page of briefs, each closed by its bracketed names, past stray marks', () => {
    const page = '\n要闻简报\n\n双峰新增就业岗位1200个\n\n今年以来，双峰县新增城镇就业岗位1200个。(姚红星)?\n\n涟源举办农民丰收节\n\n涟源市日前举办农民丰收节，展销农产品200余种。(李 娜)\n'
    const parse = parsePage(page)
    expect(parse.articles.map((article) => [article.column?.name, article.title, article.bylines.map((byline) => byline.name)])).toEqual([
      ['要闻简报', '双峰新增就业岗位1200个', ['姚红星']],
      ['要闻简报', '涟源举办农民丰收节', ['李娜']],
    ])
    expect(everyBlockKept(page)).toBe(true)
  })

  it('ends a section of briefs where an article with its own bylines begins', () => {
    const page = '\n简讯\n\n双峰新增就业岗位1200个\n\n今年以来，双峰县新增城镇就业岗位1200个。(姚红星)\n\n我省工业经济稳中有进\n\n本报记者 周磊\n\n今年以来，全省工业经济稳中有进。\n'
    expect(parsePage(page).articles.map((article) => article.column?.name ?? null)).toEqual(['简讯', null])
  })

  it.each([
    ['【记者再走长征路㉜】', { name: '记者再走长征路', installment: '㉜' }],
    ['(新春走基层·特别报道)', { name: '新春走基层·特别报道', installment: null }],
  ])('reads the column label %s over a headline', (label, column) => {
    const page = `\n${label}\n\n雪山脚下的新课堂\n\n本报记者 周磊\n\n清晨，雪山脚下的学校响起读书声。\n`
    expect(parsePage(page).articles[0]).toMatchObject({ column, title: '雪山脚下的新课堂' })
  })

  it('reads a column and headline printed on one line', () => {
    const page = '\n民生观察丨老旧小区加装电梯提速\n\n本报记者 周磊\n\n今年以来，全市老旧小区加装电梯200部。\n'
    expect(parsePage(page).articles[0]).toMatchObject({ column: { name: '民生观察' }, title: '老旧小区加装电梯提速' })
  })

  it('keeps a bracketed label inside a body as the body’s box', () => {
    const page = '\n雪山脚下的新课堂\n\n本报记者 周磊\n\n清晨，雪山脚下的学校响起读书声。\n\n【数说变化】\n\n强筋健骨 实体经济百花齐放\n\n全县新增学位1200个。\n'
    const parse = parsePage(page)
    expect(parse.articles).toHaveLength(1)
    expect(parse.articles[0].body.some((block) => block.type === 'box' && block.label === '数说变化')).toBe(true)
  })
})

describe('never nothing, never lost', () => {
  it('turns text with no headline or byline into a flagged draft, not a refusal', () => {
    const page = '这是一段普通的文字，没有标题，也没有署名。\n\n第二段文字也是这样。'
    const parse = parsePage(page)
    expect(parse.articles).toHaveLength(1)
    expect(parse.unassigned).toEqual([])
    expect(parse.articles[0]).toMatchObject({ titleIsPlaceholder: true, needsReview: true })
    expect(lowConfidenceFields(parse.articles[0].confidence)).toEqual(['title', 'bylines', 'body'])
  })

  it('makes text continued from another page a draft of its own, flagged as the jump it is', () => {
    const page = '\n乡村振兴看双峰\n\n本报记者 周磊\n\n双峰县今年推进高标准农田建设。(下转第四版)\n\n(上接第一版)村民们说，日子越过越红火。\n'
    const [first, continued] = parsePage(page).articles
    expect(first.reviewFlags.some((flag) => flag.kind === 'jump' && flag.note.includes('转第四版'))).toBe(true)
    expect(continued.reviewFlags.some((flag) => flag.kind === 'jump' && flag.note.includes('续自第一版'))).toBe(true)
    expect(continued.titleIsPlaceholder).toBe(true)
    expect(everyBlockKept(page)).toBe(true)
  })
})
