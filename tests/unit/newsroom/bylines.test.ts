import { formatBylines, groupBylines } from '@/newsroom/bylines'
import { formatPhotoCredit } from '@/newsroom/credits'
import { loadSeedData } from '@/seed/data'

const seed = loadSeedData()

describe('formatBylines', () => {
  const headerBylines = seed.articles.filter((article) => article.bylinePosition === 'header')
  const trailingBylines = seed.articles.filter((article) => article.bylinePosition === 'trailing')

  const squeeze = (text: string) => text.replace(/\s+/gu, '')

  it.each(headerBylines.map((article) => [article.key, article]))(
    'reproduces the printed byline line of seed article %s',
    (_key, article) => {
      const printed = squeeze(formatBylines(article.bylines))
      expect(article.source.map(squeeze)).toContain(printed)
    },
  )

  it('reproduces the print padding of two-character names where the page pads them', () => {
    const lines = seed.articles.flatMap((article) => article.source)
    const padded = (names: string[]) => formatBylines(names.map((name) => ({ name, role: 'byline' as const })), { padNames: true })
    expect(lines).toContain(padded(['陈淦璋', '张毅', '黄福林']))
    expect(lines).toContain(padded(['昌小英', '陈果', '石菁']))
    expect(padded(['陈淦璋', '张毅', '黄福林'])).toBe('陈淦璋 张 毅 黄福林')
  })

  it.each(trailingBylines.map((article) => [article.key, article]))(
    'prints the bracketed byline that ends seed article %s',
    (_key, article) => {
      const printed = formatBylines(article.bylines, { trailing: true })
      expect(article.source.some((line) => line.endsWith(printed))).toBe(true)
    },
  )

  it('shows stored names unpadded on the web', () => {
    expect(formatBylines([{ name: '陈淦璋', role: 'byline' }, { name: '张毅', role: 'byline' }])).toBe('陈淦璋 张毅')
  })

  it('prints role labels in print order, one label per run of the same role', () => {
    expect(
      formatBylines([
        { name: '张三', role: 'staffReporter' },
        { name: '李四', role: 'staffReporter' },
        { name: '王五', role: 'correspondent' },
      ]),
    ).toBe('本报记者 张三 李四 通讯员 王五')
    expect(formatBylines([{ name: '赵六', role: 'reporter' }])).toBe('记者 赵六')
    expect(formatBylines([{ name: '张福芳', role: 'photographer' }])).toBe('张福芳 摄')
    expect(formatBylines([{ name: '新化县委宣传部', role: 'courtesy' }])).toBe('新化县委宣传部供图')
  })

  it('does not merge two runs of the same role separated by another', () => {
    const groups = groupBylines([
      { name: '甲', role: 'reporter' },
      { name: '乙', role: 'correspondent' },
      { name: '丙', role: 'reporter' },
    ])
    expect(groups.map((group) => group.role)).toEqual(['reporter', 'correspondent', 'reporter'])
  })

  it('prints nothing for an article without bylines', () => {
    expect(formatBylines([], { trailing: true })).toBe('')
  })
})

describe('formatPhotoCredit', () => {
  it('credits a photographer as on the page: 张福芳 摄', () => {
    expect(formatPhotoCredit('张福芳', 'photographer')).toBe('张福芳 摄')
  })

  it('credits an organisation in brackets: (新化县委宣传部供图)', () => {
    expect(formatPhotoCredit('新化县委宣传部', 'courtesy')).toBe('(新化县委宣传部供图)')
  })

  it('matches every photo credit printed on the seed pages', () => {
    const lines = seed.articles.flatMap((article) => article.source)
    for (const photo of seed.photos) {
      expect(lines).toContain(`${photo.caption}${formatPhotoCredit(photo.credit.name, photo.credit.kind)}`)
    }
  })
})
