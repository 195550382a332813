import { normalizeText, pinyinKeys, queryTerms, queryWords, tokenStream } from '@/search/tokens'

describe('search tokens', () => {
  it('indexes Han text as overlapping bigrams plus the run’s last character', () => {
    expect(tokenStream('申奥美域小区')).toBe('申奥 奥美 美域 域小 小区 区')
    expect(tokenStream('盘活“三资”')).toBe('盘活 活 三资 资')
  })

  it('keeps Latin words and numbers whole and folds full-width characters and case', () => {
    expect(tokenStream('２０２５年 AI识别')).toBe('2025 年 ai 识别 别')
    expect(normalizeText('ＵＶ涂核')).toBe('uv涂核')
  })

  it('turns each query word into a phrase of bigrams, and single characters and Latin words into prefixes', () => {
    expect(queryTerms('新化 文印')).toEqual([{ tokens: ['新化'], prefix: false }, { tokens: ['文印'], prefix: false }])
    expect(queryTerms('红色网格')).toEqual([{ tokens: ['红色', '色网', '网格'], prefix: false }])
    expect(queryTerms('  2025  十四五 ')).toEqual([{ tokens: ['2025'], prefix: true }, { tokens: ['十四', '四五'], prefix: false }])
    expect(queryTerms('城')).toEqual([{ tokens: ['城'], prefix: true }])
    expect(queryTerms('“三资”！三资')).toEqual([{ tokens: ['三资'], prefix: false }])
    expect(queryTerms('   ')).toEqual([])
    expect(queryTerms('！？')).toEqual([])
  })

  it('finds a query word inside a longer printed word, and a single character at the end of one', () => {
    const indexed = tokenStream('网格员每天巡查').split(' ')
    const [term] = queryTerms('网格员')
    const at = indexed.indexOf(term.tokens[0])
    expect(indexed.slice(at, at + term.tokens.length)).toEqual(term.tokens)
    expect(indexed.some((token) => token.startsWith('查'))).toBe(true)
  })

  it('keeps the words of a query for highlighting', () => {
    expect(queryWords('新化  文印 新化')).toEqual(['新化', '文印'])
  })

  it('gives names their full pinyin and initials', () => {
    expect(pinyinKeys('张福芳')).toEqual(['zhangfufang', 'zff'])
    expect(pinyinKeys('善治天心')).toEqual(['shanzhitianxin', 'sztx'])
  })
})
