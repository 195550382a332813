import { describe, expect, it } from '@jest/globals'

import { findPhraseSlips } from '@/proofreading/rules/fixedPhrases'

const slips = (text: string) => findPhraseSlips(text).map((found) => ({ text: text.slice(found.offset, found.offset + found.length), suggestion: found.suggestion, severity: found.severity }))

describe('finding a homophone slip in a four-character phrase', () => {
  it('names the phrase a homophone slip stands for', () => {
    expect(slips('解决企业在发展过程中的然眉之急。')).toEqual([{ text: '然眉之急', suggestion: '燃眉之急', severity: 'error' }])
    expect(slips('坚定不疑打好产业转型升级组合拳。')).toEqual([{ text: '坚定不疑', suggestion: '坚定不移', severity: 'error' }])
  })

  it('leaves the phrases themselves alone', () => {
    expect(slips('解决企业在发展过程中的燃眉之急，坚定不移打好产业转型升级组合拳。')).toEqual([])
  })

  it('does not take a one-character difference that is not a homophone for a slip', () => {
    // 燃眉之忧 differs from 燃眉之急 in one character, but 忧 does not sound like 急.
    expect(slips('解决企业的燃眉之忧。')).toEqual([])
  })

  it('does not report a phrase the word lists already name', () => {
    const text = '解决企业的然眉之急。'
    const listed = [{ category: 'typo' as const, severity: 'error' as const, offset: 5, length: 4, message: '', suggestion: '燃眉之急' }]
    expect(findPhraseSlips(text, listed)).toEqual([])
    expect(findPhraseSlips(text).map((found) => found.suggestion)).toEqual(['燃眉之急'])
  })
})
