import { describe, expect, it } from '@jest/globals'

import { findNameVariants, knownNames } from '@/proofreading/rules/names'

describe('one person’s name written two ways', () => {
  it('finds a name one character off the byline', () => {
    const text = '今天，张福方在会上介绍了情况。'
    const [found] = findNameVariants(text, knownNames(text, ['张福芳']))
    expect([text.slice(found.offset, found.offset + found.length), found.suggestion, found.severity]).toEqual(['张福方', '张福芳', 'warning'])
  })

  it('finds a name one character off a name the text introduces by role', () => {
    const text = '本报讯（记者 陈淦璋）……陈淦章说，项目已开工。'
    expect(findNameVariants(text, knownNames(text, [])).map((found) => text.slice(found.offset, found.offset + found.length))).toEqual(['陈淦章'])
  })

  it('leaves two-character names and ordinary words alone', () => {
    const text = '记者张毅报道：张开双臂，张望四周。'
    expect(findNameVariants(text, knownNames(text, ['张 毅']))).toEqual([])
  })
})
