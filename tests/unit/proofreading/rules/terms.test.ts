import { describe, expect, it } from '@jest/globals'

import { findTerms, type TermEntry, termMatcher } from '@/proofreading/rules/terms'

const entry = (needle: string, overrides: Partial<TermEntry> = {}): TermEntry => ({ needle, category: 'typo', severity: 'error', message: needle, suggestion: null, onWordBoundaries: true, ...overrides })
const spans = (text: string, entries: TermEntry[]) => findTerms(text, termMatcher(entries)).map((found) => text.slice(found.offset, found.offset + found.length))

describe('finding listed terms', () => {
  it('finds a miswriting that stands as a word, and not one inside a correct longer word', () => {
    const typo = entry('既使', { exceptions: ['既使用'] })
    expect(spans('既使他来了也没用。', [typo])).toEqual(['既使'])
    expect(spans('他既使用了电脑。', [typo])).toEqual([])
    expect(spans('按装订线裁开。', [entry('按装')])).toEqual([])
    expect(spans('全省按装了路灯。', [entry('按装')])).toEqual(['按装'])
  })

  it('prefers the longest entry at a position', () => {
    expect(spans('再接再励', [entry('再接'), entry('再接再励')])).toEqual(['再接再励'])
  })

  it('finds a forbidden term wherever it stands when it is not bound to word boundaries', () => {
    expect(spans('有关北朝鲜的报道', [entry('北朝鲜', { category: 'sensitive', onWordBoundaries: false })])).toEqual(['北朝鲜'])
  })
})

describe('finding a miswriting the segmenter splits', () => {
  it('finds a longer miswriting where only its correction stands as a word', () => {
    // The segmenter reads 深深隽刻在 as 深深|隽|刻在: the miswriting does not end on a boundary, its correction does.
    expect(spans('深深隽刻在城市发展的基因里', [entry('深深隽刻', { suggestion: '深深镌刻' })])).toEqual(['深深隽刻'])
  })

  it('does not take a two-character match across correct words for a miswriting', () => {
    // 问题到 holds 题到, and 问提到 would segment as 问|提到: two characters are too short to trust that.
    expect(spans('把问题到底解决了。', [entry('题到', { suggestion: '提到' })])).toEqual([])
  })
})
