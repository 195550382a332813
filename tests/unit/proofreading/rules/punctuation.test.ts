import { describe, expect, it } from '@jest/globals'

import { findPunctuation } from '@/proofreading/rules/punctuation'

const spans = (text: string) => findPunctuation(text).map((found) => [text.slice(found.offset, found.offset + found.length), found.severity, found.suggestion])

describe('punctuation by GB/T 15834-2011', () => {
  it('finds half-width marks in Chinese text and offers the full-width one', () => {
    expect(spans('党建引领,"红色引擎"激发多元共治新活力')).toEqual([
      [',', 'error', '，'],
      ['"', 'error', '“'],
      ['"', 'error', '”'],
    ])
    expect(spans('记者从省交通运输厅获悉:今年将新改建农村公路。')).toEqual([[':', 'error', '：']])
  })

  it('leaves decimals, times and English text alone', () => {
    expect(spans('以平均0.7元/月·平方米出租，10:30开会。')).toEqual([])
    expect(spans('The meeting starts at 10:30, sharp.')).toEqual([])
  })

  it('finds a quotation mark opened and never closed in its paragraph, but not one continued in the next paragraph', () => {
    expect(spans('他说：“我们要把好事办好。')).toEqual([['“', 'error', null]])
    expect(spans('他说：“第一段。\n“第二段。”')).toEqual([])
    expect(spans('这是一个）多余的括号。')).toEqual([['）', 'error', null]])
  })

  it('finds doubled and conflicting marks, but lets 问号 and 叹号 stand together', () => {
    expect(spans('真的吗，，是的。，好')).toEqual([
      ['，，', 'error', '，'],
      ['。，', 'error', null],
    ])
    expect(spans('这是真的？！')).toEqual([])
  })

  it('finds a 顿号 between two numbers giving an estimate, and between quoted items', () => {
    expect(spans('约三、四个月完成。')).toEqual([['、', 'warning', '']])
    expect(spans('获评一、二等奖。')).toEqual([])
    expect(spans('开展“进社区”、“进乡村”活动。')).toEqual([['、', 'warning', '']])
  })

  it('finds a dash that is one em dash or a hyphen between Chinese words, not the deck’s double dash', () => {
    expect(spans('他走了—没有回头。')).toEqual([['—', 'warning', '——']])
    expect(spans('工作-生活两不误。')).toEqual([['-', 'warning', '——']])
    expect(spans('——郴州市盘活国有“三资”的探索实践')).toEqual([])
  })

  it('counts offsets across paragraphs as JavaScript strings do', () => {
    const text = '第一段没有问题。\n𠀀第二段,有问题。'
    const [found] = findPunctuation(text)
    expect(text.slice(found.offset, found.offset + found.length)).toBe(',')
    expect(found.offset).toBe(text.indexOf(','))
  })

  it('finds a 顿号 in an estimate of tens, and three full stops after a closing quotation mark', () => {
    expect(spans('设置三、四十个“第二现场”。')).toEqual([['、', 'warning', '']])
    expect(spans('成为“暖心枢纽”...')).toEqual([['...', 'error', '……']])
  })

  it('finds a 顿号 before 和, a 省略号 beside 等, a wrong 间隔号 and a second colon, and leaves the like-looking correct forms alone', () => {
    expect(spans('餐饮、住宿、和零售。')).toEqual([['、', 'error', '']])
    expect(spans('民主、和谐、文明。')).toEqual([])
    expect(spans('箱包、服饰……等产品。')).toEqual([['……', 'error', '']])
    expect(spans('马克•吐温来了。')).toEqual([['•', 'error', '·']])
    expect(spans('他表示：目标有两个：一是增收。')).toEqual([['：', 'warning', null]])
    expect(spans('他说：“目标有两个：一是增收。”比例为20.3：31.2：48.5。')).toEqual([])
  })

  it('warns of single quotation marks used as the outer ones', () => {
    expect(spans('打造‘家’文化。')).toEqual([['‘', 'warning', '“']])
    expect(spans('他说：“打造‘家’文化。”')).toEqual([])
  })

  it('takes a dash joining levels for the 连接号 and asks for it in place of a 破折号 there', () => {
    expect(spans('构建“区—街道—社区—网格”五级治理体系。')).toEqual([])
    expect(spans('构建“区——街道——社区”治理体系。')).toEqual([
      ['——', 'warning', '—'],
      ['——', 'warning', '—'],
    ])
    expect(spans('他说——我们一定会做好——这是承诺——没有退路。')).toEqual([])
  })
})
