import { splitBlocks } from '../../../src/import/blocks'
import { parsePage } from '../../../src/import/parsePage'
import { readSeedPage } from '../../../src/seed/data'
import { seededRandom as random } from '../../helpers/seededRandom'

const PAGES = [readSeedPage('000'), readSeedPage('001')]
const PIECES = ['\n', '\n\n', ' ', '　', '——', '【', '】', '(', ')', '（', '）', '“', '”', '摄', '供图', '本报记者', '通讯员', '：', ':', '。', '，', '、', '①', '之', '篇', '(一)', '市', '县', '\u0000', '\uFFFD', 'abc', '123', '𠀋', '\r\n']

function mutate(page: string, next: () => number): string {
  const blocks = page.split(/\n\s*\n/)
  const operations = 1 + Math.floor(next() * 12)
  for (let step = 0; step < operations; step += 1) {
    const at = Math.floor(next() * blocks.length)
    const choice = next()
    if (choice < 0.2) blocks.splice(at, 1)
    else if (choice < 0.4) blocks.splice(at, 0, blocks[Math.floor(next() * blocks.length)] ?? '')
    else if (choice < 0.6) {
      const other = Math.floor(next() * blocks.length)
      ;[blocks[at], blocks[other]] = [blocks[other], blocks[at]]
    } else {
      const text = blocks[at] ?? ''
      const cut = Math.floor(next() * (text.length + 1))
      blocks[at] = text.slice(0, cut) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(cut)
    }
  }
  return blocks.join('\n\n')
}

function noise(next: () => number): string {
  const source = PAGES[Math.floor(next() * PAGES.length)]
  let text = ''
  const length = Math.floor(next() * 400)
  for (let index = 0; index < length; index += 1) text += next() < 0.3 ? PIECES[Math.floor(next() * PIECES.length)] : source[Math.floor(next() * source.length)]
  return text
}

function checkInvariant(text: string) {
  const parse = parsePage(text)
  const kept = [...parse.articles.flatMap((article) => article.source), ...parse.unassigned].sort()
  expect(kept).toEqual(splitBlocks(text).sort())
  for (const article of parse.articles) {
    expect(article.title.length).toBeGreaterThan(0)
    if (article.titleIsPlaceholder) expect(article.needsReview).toBe(true)
  }
}

describe('the parser under random and mutated input', () => {
  it('never throws and never loses a block on 300 mutated seed pages', () => {
    const next = random(20261122)
    for (let run = 0; run < 300; run += 1) {
      const text = mutate(PAGES[run % 2], next)
      try {
        checkInvariant(text)
      } catch (error) {
        throw new Error(`mutated page #${run} (seed 20261122): ${(error as Error).message}`, { cause: error })
      }
    }
  })

  it('never throws and never loses a block on 300 random texts', () => {
    const next = random(7)
    for (let run = 0; run < 300; run += 1) checkInvariant(noise(next))
  })
})
