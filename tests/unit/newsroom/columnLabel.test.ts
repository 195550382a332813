import { formatColumnLabel, formatInstallmentNumber } from '@/newsroom/columnLabel'
import { loadSeedData } from '@/seed/data'

const seed = loadSeedData()

describe('formatColumnLabel', () => {
  const seededWithColumns = seed.articles.filter((article) => article.column)

  it.each(seededWithColumns.map((article) => [article.key, article]))(
    'prints the label of seed article %s exactly as on its page',
    (_key, article) => {
      const column = seed.columns.find((candidate) => candidate.name === article.column)!
      const label = formatColumnLabel({
        columnName: column.name,
        numberingStyle: column.numberingStyle,
        partSeparator: column.partSeparator,
        installment: article.installment,
      })
      expect(article.source).toContain(label)
    },
  )

  it('covers the three labels the seed pages print', () => {
    const labels = seededWithColumns.map((article) => {
      const column = seed.columns.find((candidate) => candidate.name === article.column)!
      return formatColumnLabel({ columnName: column.name, ...column, installment: article.installment })
    })
    expect(labels.sort()).toEqual(['善治天心②', '奋斗百年路·启航新征程之新化篇(一)', '非凡“十四五”桂阳“新答卷”·科技篇'].sort())
  })

  it('puts a parent campaign before the column name', () => {
    expect(
      formatColumnLabel({
        columnName: '桂阳“新答卷”',
        parentName: '非凡“十四五”',
        numberingStyle: 'circled',
        installment: { number: 3 },
      }),
    ).toBe('非凡“十四五”桂阳“新答卷”③')
  })

  it('prints only the column name when there is no installment', () => {
    expect(formatColumnLabel({ columnName: '善治天心', numberingStyle: 'circled', installment: null })).toBe('善治天心')
  })
})

describe('formatInstallmentNumber', () => {
  it.each([
    [1, 'circled', '①'],
    [20, 'circled', '⑳'],
    [21, 'circled', '㉑'],
    [50, 'circled', '㊿'],
    [51, 'circled', '(51)'],
    [1, 'chineseParenthesised', '(一)'],
    [10, 'chineseParenthesised', '(十)'],
    [11, 'chineseParenthesised', '(十一)'],
    [20, 'chineseParenthesised', '(二十)'],
    [101, 'chineseParenthesised', '(一百零一)'],
    [110, 'chineseParenthesised', '(一百一十)'],
    [1005, 'chineseParenthesised', '(一千零五)'],
    [12, 'ordinalIssue', '第12期'],
    [7, 'none', ''],
  ] as const)('prints installment %i in style %s as %s', (value, style, expected) => {
    expect(formatInstallmentNumber(value, style)).toBe(expected)
  })

  it('refuses installment numbers that are not positive integers', () => {
    expect(() => formatInstallmentNumber(0, 'circled')).toThrow('期号必须是')
    expect(() => formatInstallmentNumber(1.5, 'chineseParenthesised')).toThrow('期号必须是')
  })
})
