import { findNameProblem, normaliseDisplayName, padNameForPrint } from '@/newsroom/names'

describe('normaliseDisplayName', () => {
  it.each([
    ['张 毅', '张毅'],
    ['陈 果', '陈果'],
    ['石　菁', '石菁'],
    ['  罗徽 ', '罗徽'],
    ['新化县委宣传部', '新化县委宣传部'],
    ['阿依古丽·买买提', '阿依古丽·买买提'],
    ['  John   Smith ', 'John Smith'],
  ])('normalises %j to %j', (raw, expected) => {
    expect(normaliseDisplayName(raw)).toBe(expected)
  })

  it('pads two-character names the way the print page does, and only those', () => {
    expect(padNameForPrint('张毅')).toBe('张 毅')
    expect(padNameForPrint('陈淦璋')).toBe('陈淦璋')
    expect(padNameForPrint('Li')).toBe('Li')
  })
})

describe('findNameProblem', () => {
  it('accepts an ordinary name', () => {
    expect(findNameProblem('张福芳')).toBeNull()
  })

  it.each([
    ['', 'empty'],
    ['张三1', 'hasDigits'],
    ['(李重臣)', 'hasBrackets'],
    ['名'.repeat(41), 'tooLong'],
  ])('reports %j as %s', (name, problem) => {
    expect(findNameProblem(name)).toBe(problem)
  })
})
