import { describe, expect, it } from '@jest/globals'

import { findStructuralParticles } from '@/proofreading/rules/structuralParticles'

const found = (text: string) => findStructuralParticles(text).map((hit) => ({ at: text.slice(0, hit.offset).slice(-2), suggestion: hit.suggestion, severity: hit.severity }))

describe('的、地、得 where the sentence leaves no doubt', () => {
  it('asks for 地 before a speech verb', () => {
    expect(found('生产经理李长兵欣慰的说道。')).toEqual([{ at: '欣慰', suggestion: '地', severity: 'error' }])
    expect(found('她高兴的说：“越来越好了。”')).toEqual([{ at: '高兴', suggestion: '地', severity: 'error' }])
  })

  it('only warns where the verb may be a noun', () => {
    expect(found('他自豪的表示，产量翻了一番。')).toEqual([{ at: '自豪', suggestion: '地', severity: 'warning' }])
    expect(found('据他的介绍，产量翻了一番。')).toEqual([])
  })

  it('warns where a degree complement takes 得', () => {
    expect(found('环境变的越来越好。')).toEqual([{ at: '环境变'.slice(-2), suggestion: '得', severity: 'warning' }])
    expect(found('他做的很多事都被记住了。')).toEqual([])
  })

  it('leaves correct 的 alone', () => {
    expect(found('欣慰地说道：“我们的说法没有错，环境变得越来越好。”')).toEqual([])
  })
})
