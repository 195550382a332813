import { SLUG_PATTERN, slugify, withSuffix } from '@/newsroom/slug'

describe('slugify', () => {
  it('turns a Chinese name into readable pinyin', () => {
    expect(slugify('张福芳')).toBe('zhang-fu-fang')
  })

  it('never produces percent-encoded or non-ASCII slugs, even from punctuation-heavy headlines', () => {
    const slug = slugify('党建引领，“红色引擎”激发多元共治新活力')
    expect(slug).toMatch(SLUG_PATTERN)
    expect(encodeURIComponent(slug)).toBe(slug)
    expect(slug.startsWith('dang-jian-yin-ling-hong-se-yin-qing')).toBe(true)
  })

  it('keeps digits and Latin words', () => {
    expect(slugify('2025年AI识别')).toBe('2025-nian-ai-shi-bie')
  })

  it('cuts long titles at a syllable boundary', () => {
    const slug = slugify('唤醒沉睡资产筑牢保障底线郴州市盘活国有三资的探索实践', 30)
    expect(slug.length).toBeLessThanOrEqual(30)
    expect(slug).toMatch(SLUG_PATTERN)
  })

  it('falls back to a placeholder when nothing is left', () => {
    expect(slugify('——')).toBe('untitled')
  })

  it('numbers repeated slugs from the second one on', () => {
    expect(withSuffix('zhang-yi', 1)).toBe('zhang-yi')
    expect(withSuffix('zhang-yi', 2)).toBe('zhang-yi-2')
  })
})
