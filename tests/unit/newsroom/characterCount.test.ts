import { bodyCharacterCount, countCharacters } from '@/newsroom/characterCount'

const paragraph = (text: string) => ({ type: 'paragraph', children: [{ type: 'text', text }] })
const bodyOf = (...children: unknown[]) => ({ root: { type: 'root', children } })

describe('countCharacters (字数 as Word’s 字数统计 counts it)', () => {
  it('counts every Chinese character and every full-width punctuation mark as one', () => {
    expect(countCharacters('党建引领，“红色引擎”激发多元共治新活力。')).toBe(21)
    expect(countCharacters('（记者）：……——')).toBe(9)
  })

  it('counts a run of Latin letters or digits as one word', () => {
    expect(countCharacters('GDP')).toBe(1)
    expect(countCharacters('2021年')).toBe(2)
    expect(countCharacters('全市5G基站达3.5万个')).toBe(9)
    expect(countCharacters('以平均0.7元/月·平方米')).toBe(11)
  })

  it('does not count spaces, tabs, line breaks or the ideographic space', () => {
    expect(countCharacters('张 毅')).toBe(2)
    expect(countCharacters('  第一段\n\n\t第二段\u3000')).toBe(6)
    expect(countCharacters('Hello   world')).toBe(2)
    expect(countCharacters('')).toBe(0)
  })

  it('counts a character outside the Basic Multilingual Plane once', () => {
    expect(countCharacters('𠀋𠀋')).toBe(2)
  })
})

describe('bodyCharacterCount', () => {
  it('counts the printed body: paragraphs, lists, labelled boxes and editors’ notes, not photos', () => {
    const body = bodyOf(
      paragraph('本报讯 记者张福芳'),
      { type: 'list', children: [{ type: 'listitem', children: [{ type: 'text', text: '一是' }] }] },
      { type: 'block', fields: { blockType: 'labelledBox', label: '数说新化', text: '增长8%' } },
      { type: 'block', fields: { blockType: 'editorNote', kind: 'editorsNote', text: '今起推出' } },
      { type: 'upload', relationTo: 'photos', value: 1 },
    )
    // 本报讯 3 + 记者张福芳 5 · 一是 2 · 【数说新化】 6 + 增长 2 + 8% 1 · 编者按：今起推出 8
    expect(bodyCharacterCount(body)).toBe(27)
  })

  it('is 0 for an empty or missing body', () => {
    expect(bodyCharacterCount(null)).toBe(0)
    expect(bodyCharacterCount(bodyOf())).toBe(0)
  })
})
