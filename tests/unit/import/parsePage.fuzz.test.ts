import { splitBlocks } from '@/import/blocks'
import { parsePage } from '@/import/parsePage'
import { mutate, noise, SEED_PAGES as PAGES } from '../../helpers/pageMutations'
import { seededRandom as random } from '../../../bench/seededRandom'

function checkInvariant(text: string) {
  const parse = parsePage(text)
  const kept = [...parse.articles.flatMap((article) => article.source), ...parse.unassigned, ...parse.edition.source].sort()
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
