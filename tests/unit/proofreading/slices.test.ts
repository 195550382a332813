import { describe, expect, it } from '@jest/globals'

import { proofread, proofreadInSlices } from '@/proofreading/proofread'
import { piecesOf, runAtOnce, runInSlices, type Steps } from '@/proofreading/slices'

describe('cutting a text into pieces', () => {
  it('cuts at line breaks, each piece seeing the next paragraph with text', () => {
    const text = ['第一段。', '第二段。', '', '第三段。'].join('\n')
    const pieces = piecesOf(text, 6)
    expect(pieces.map((piece) => piece.text).join('')).toBe(text)
    expect(pieces[0]).toEqual({ offset: 0, text: '第一段。\n', context: '第二段。' })
    expect(pieces[1].context.trim()).toBe('第三段。')
  })

  it('cuts a paragraph longer than a piece after a sentence outside quotation marks', () => {
    const text = '他说：“第一句。第二句。”第三句。第四句。'
    const [first, second] = piecesOf(text, 18)
    expect(first.text).toBe('他说：“第一句。第二句。”第三句。')
    expect(second.offset).toBe(first.text.length)
  })
})

describe('checking in slices', () => {
  function* counting(steps: number): Steps<number> {
    for (let step = 0; step < steps; step += 1) yield
    return steps
  }

  it('gives the event loop a turn while it works, and the same answer as checking at once', async () => {
    let turns = 0
    const timer = setInterval(() => (turns += 1), 0)
    function* slow(): Steps<string> {
      for (let step = 0; step < 40; step += 1) {
        const until = performance.now() + 2
        while (performance.now() < until);
        yield
      }
      return 'done'
    }
    expect(await runInSlices(slow(), 5)).toBe('done')
    clearInterval(timer)
    expect(turns).toBeGreaterThan(0)
    expect(runAtOnce(counting(5))).toBe(await runInSlices(counting(5)))
  })

  it('finds in a long article cut into pieces what it finds in each paragraph, and no quotation left open at a cut', async () => {
    const paragraph = '他说：“我们再接再励，把工作做好。”邵阳市商务局表示,将继续推进。'
    const article = Array.from({ length: 400 }, () => paragraph).join('\n')
    const { findings } = await proofreadInSlices({ fields: { body: article } })
    const single = proofread({ fields: { body: paragraph } }).findings
    expect(findings).toHaveLength(single.length * 400)
    expect(findings.filter((finding) => finding.message.includes('配对'))).toEqual([])
  })

  it('checks a text with no punctuation at all, found where the miswriting repeats', () => {
    const text = '再接再励'.repeat(5_000)
    expect(proofread({ fields: { text } }).findings.filter((finding) => finding.text === '再接再励')).toHaveLength(5_000)
  })
})
