import { describe, expect, it } from '@jest/globals'

import { findNumbers, hasArabicDate, mixedDateForms } from '@/proofreading/rules/numbers'

const spans = (text: string) => findNumbers(text).map((found) => [text.slice(found.offset, found.offset + found.length), found.severity, found.suggestion])

describe('numbers by GB/T 15835-2011', () => {
  it('finds Arabic digits with 千, 百 or 十 as a unit, but not 千米 or 百分点', () => {
    expect(spans('投资2千万元，建成3百多座。')).toEqual([
      ['2千', 'error', '2000'],
      ['3百', 'error', '300'],
    ])
    expect(spans('全长5千米，提高2百分点。')).toEqual([])
  })

  it('finds a percentage written half in Chinese', () => {
    expect(spans('增长百分之20，占二十%。')).toEqual([
      ['百分之20', 'error', '20%'],
      ['二十%', 'error', '百分之二十'],
    ])
  })

  it('finds a thousands comma and a year mixing numerals, suggesting the plain form', () => {
    expect(spans('完成1,000公里，始于二0二一年。')).toEqual([
      ['1,000', 'warning', '1000'],
      ['二0二一', 'error', '2021'],
    ])
  })

  it('finds a range joined by a hyphen and two neighbouring digits with a 顿号', () => {
    expect(spans('每村5-6个项目，用时3、4个月。')).toEqual([
      ['5-6', 'warning', '5～6'],
      ['3、4', 'warning', '三四'],
    ])
    expect(spans('电话0731-84326688。')).toEqual([])
  })

  it('finds a 公历 date in Chinese numerals only where the article also writes dates in digits', () => {
    const text = '3月3日开幕，三月五日闭幕。'
    expect(mixedDateForms(text, hasArabicDate(text)).map((found) => [text.slice(found.offset, found.offset + found.length), found.suggestion])).toEqual([['三月五日', '3月5日']])
    expect(mixedDateForms('十月一日是国庆节。', false)).toEqual([])
  })

  it('asks for numerals where a number is part of a word or a phrase', () => {
    expect(spans('“3管齐下”强化风险管控，开展5大同盟活动。')).toEqual([
      ['3', 'error', '三'],
      ['5', 'warning', '五'],
    ])
    expect(spans('全球第5大经济体，建成5个大棚。')).toEqual([])
  })

  it('asks for numerals in an estimate with 几, and for the whole year', () => {
    expect(spans('集成10几个部门，21年6月启动。')).toEqual([
      ['10', 'error', '十'],
      ['21', 'error', '2021'],
    ])
    expect(spans('近21年来，2021年6月启动。')).toEqual([])
  })

  it('warns of an amount written in many numerals, and leaves an estimate in numerals alone', () => {
    expect(spans('占地一百一十六亩，年产值一百七十亿元。')).toEqual([
      ['一百一十六', 'warning', '116'],
      ['一百七十', 'warning', '170'],
    ])
    expect(spans('月薪从五六千元涨到上万元，十几个人。')).toEqual([])
  })

  it('finds fractions mixing digits and numerals, and decimal points that are not full stops', () => {
    expect(spans('占3分之1的份额，产值25点6亿元，增长12·5%。')).toEqual([
      ['3分之1', 'error', '三分之一'],
      ['25点6', 'error', '25.6'],
      ['12·5', 'error', '12.5'],
    ])
    expect(spans('达四十七点五六亿元。')).toEqual([['四十七点五六', 'warning', '47.56']])
    expect(spans('“7·23”事故后，十分之一的人。')).toEqual([])
  })
})
