import { parsePage } from '@/import/parsePage'

// Pages written for these tests in the seeds' style, exercising byline and credit forms the
// seeds do not print, and the noise OCR and copy-paste add.
const WIRE_AND_STAFF = `

湘江两岸灯火璀璨

——长沙市岳麓区夜间经济观察

本报记者 王 磊 通讯员 李娜

夜幕降临，岳麓区的街巷热闹起来。今年以来，全区新增夜间消费场所120余处。

“生意比去年好多了。”摊主刘阿姨说。

橘子洲头游人如织。王磊 摄

新华社电

国家统计局今天发布数据，10月份全国居民消费价格同比上涨0.2%。

记者 刘洋

浏阳市:花炮产业加快转型升级

浏阳市今年推动花炮企业技术改造，安全生产水平明显提升。（周敏 罗伟）
`

const OCR_NOISE = `
常 德 市 鼎 城 区 推 进 乡 村 振 兴

陈 果 张 毅

鼎城区今年整合涉农资金3.2亿元，用于高标准农田建设和农村人居环境整
治，群众满意度明显提升。

新建的村级服务中心里，
办事群众络绎不绝。
`

describe('byline and credit forms beyond the seeds', () => {
  const parse = parsePage(WIRE_AND_STAFF)
  const titled = (title: string) => parse.articles.find((article) => article.title === title)!

  it('reads 本报记者 X 通讯员 Y with roles and padded names', () => {
    expect(titled('湘江两岸灯火璀璨').bylines).toEqual([
      { name: '王磊', role: 'staffReporter' },
      { name: '李娜', role: 'correspondent' },
    ])
    expect(titled('湘江两岸灯火璀璨').subtitle).toBe('长沙市岳麓区夜间经济观察')
    expect(titled('湘江两岸灯火璀璨').regions).toEqual(expect.arrayContaining(['长沙市', '岳麓区']))
  })

  it('turns `X 摄` into a photographer credit on the article it sits in', () => {
    expect(titled('湘江两岸灯火璀璨').photos).toEqual([{ caption: '橘子洲头游人如织。', credit: '王磊', creditKind: 'photographer' }])
  })

  it('closes a `地名:标题` brief with the names in brackets at its end, full-width brackets too', () => {
    const brief = titled('浏阳市:花炮产业加快转型升级')
    expect(brief.bylines.map((byline) => byline.name)).toEqual(['周敏', '罗伟'])
    expect(brief.bylinePosition).toBe('trailing')
    expect(brief.paragraphs[0].endsWith('明显提升。')).toBe(true)
  })

  it('keeps text it cannot place, and says so', () => {
    const kept = [...parse.articles.flatMap((article) => article.source), ...parse.unassigned].join('')
    for (const piece of ['新华社电', '国家统计局', '记者 刘洋']) expect(kept).toContain(piece)
  })
})

describe('OCR noise', () => {
  const parse = parsePage(OCR_NOISE)

  it('collapses spaced-out characters, reads padded bylines and joins lines broken inside a paragraph', () => {
    const [article] = parse.articles
    expect(article.title).toBe('常德市鼎城区推进乡村振兴')
    expect(article.bylines.map((byline) => byline.name)).toEqual(['陈果', '张毅'])
    expect(article.paragraphs[0]).toContain('农村人居环境整治，群众满意度')
    expect(article.paragraphs[1]).toBe('新建的村级服务中心里，办事群众络绎不绝。')
    expect(article.regions).toEqual(expect.arrayContaining(['常德市', '鼎城区']))
  })
})

const KICKER_AND_WIRE = `
聚焦“十四五”规划收官

湘江新区跑出发展加速度

——前三季度地区生产总值同比增长7.1%

记者 刘洋

湘江新区今年以来持续优化营商环境，重点项目建设提速。

全国秋粮收获过半

新华社电

据农业农村部调度，全国秋粮已收获过半，进度快于去年同期。
`

describe('引题, 记者 X and wire copy', () => {
  const parse = parsePage(KICKER_AND_WIRE)

  it('takes the short line above a headline and its deck as the kicker', () => {
    const [article] = parse.articles
    expect(article).toMatchObject({ kicker: '聚焦“十四五”规划收官', title: '湘江新区跑出发展加速度', subtitle: '前三季度地区生产总值同比增长7.1%' })
    expect(article.bylines).toEqual([{ name: '刘洋', role: 'reporter' }])
  })

  it('credits wire copy to the agency', () => {
    const wire = parse.articles.find((article) => article.title === '全国秋粮收获过半')!
    expect(wire.bylines).toEqual([{ name: '新华社', role: 'byline' }])
    expect(wire.paragraphs[0]).toContain('秋粮已收获过半')
  })
})
