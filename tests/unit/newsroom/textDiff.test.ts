import { describe, expect, it } from '@jest/globals'

import { changeCounts, type DiffOp, diffText } from '@/newsroom/textDiff'

const side = (ops: DiffOp[], kept: DiffOp['op']) => ops.filter((op) => op.op === 'equal' || op.op === kept).map((op) => op.text).join('')
const edits = (ops: DiffOp[]) => ops.filter((op) => op.op !== 'equal')

const PARAGRAPHS = [
  '湖南日报3月3日讯（全媒体记者 张福芳 通讯员 李明）3月2日，记者从省交通运输厅获悉，今年全省将新改建农村公路5000公里。',
  '省交通运输厅相关负责人介绍，今年将重点推进资源路、旅游路、产业路建设，进一步打通农村公路“微循环”。',
  '据统计，去年全省共完成农村公路提质改造4800公里，超额完成年度任务。',
].join('\n\n')

describe('a character-level diff of Chinese copy', () => {
  it('shows a one-character fix as one delete and one insert, not a replaced paragraph', () => {
    const fixed = PARAGRAPHS.replace('张福芳', '张福方')
    const ops = diffText(PARAGRAPHS, fixed)
    expect(edits(ops)).toEqual([
      { op: 'delete', text: '芳' },
      { op: 'insert', text: '方' },
    ])
    expect(changeCounts(ops)).toEqual({ inserted: 1, deleted: 1 })
  })

  it('gives back both texts from its runs, whatever was changed', () => {
    const revised = PARAGRAPHS.replace('今年全省将新改建', '今年全省计划新建和改建').replace('\n\n据统计', '\n\n另据统计').concat('\n\n（完）')
    const ops = diffText(PARAGRAPHS, revised)
    expect(side(ops, 'delete')).toBe(PARAGRAPHS)
    expect(side(ops, 'insert')).toBe(revised)
  })

  it('shows a rewritten sentence as deleted and inserted, not threaded through the characters both share', () => {
    const ops = diffText('今天的天气很好，我们去了公园。', '由于下了雨，大家的计划改成了在家里看书。')
    expect(edits(ops).length).toBeLessThanOrEqual(2)
    expect(side(ops, 'insert')).toBe('由于下了雨，大家的计划改成了在家里看书。')
  })

  it('shows an added paragraph as one insert and leaves the others equal', () => {
    const added = '（本报记者 王五 整理）'
    const ops = diffText(PARAGRAPHS, `${PARAGRAPHS}\n\n${added}`)
    expect(edits(ops)).toEqual([{ op: 'insert', text: `\n\n${added}` }])
  })

  it('counts a character outside the Basic Multilingual Plane as one 字', () => {
    const ops = diffText('𠀀字', '𠀁字')
    expect(edits(ops)).toEqual([
      { op: 'delete', text: '𠀀' },
      { op: 'insert', text: '𠀁' },
    ])
    expect(changeCounts(ops)).toEqual({ inserted: 1, deleted: 1 })
  })

  it('has no runs for two empty texts and one equal run for two equal texts', () => {
    expect(diffText('', '')).toEqual([])
    expect(diffText('原文', '原文')).toEqual([{ op: 'equal', text: '原文' }])
  })

  it('shows changed paragraphs replaced whole, and the others equal, once its time budget is spent', () => {
    const fixed = PARAGRAPHS.replace('张福芳', '张福方')
    const ops = diffText(PARAGRAPHS, fixed, { deadline: 0 })
    const [firstParagraph] = PARAGRAPHS.split('\n\n')
    expect(edits(ops)).toEqual([
      { op: 'delete', text: `${firstParagraph}\n` },
      { op: 'insert', text: `${firstParagraph.replace('张福芳', '张福方')}\n` },
    ])
    expect(side(ops, 'delete')).toBe(PARAGRAPHS)
    expect(side(ops, 'insert')).toBe(fixed)
  })
})
