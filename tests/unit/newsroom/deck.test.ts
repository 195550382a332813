import { deckWithoutDash, printedDeck } from '@/newsroom/deck'

describe('the 副题 dash', () => {
  it.each([
    ['——记者手记', '记者手记'],
    ['—— 记者手记', '记者手记'],
    ['──记者手记', '记者手记'],
    ['--记者手记', '记者手记'],
    ['－－记者手记', '记者手记'],
    ['―记者手记', '记者手记'],
    ['  ————记者手记 ', '记者手记'],
    ['记者手记', '记者手记'],
  ])('stores %j without its leading dashes', (typed, stored) => {
    expect(deckWithoutDash(typed)).toBe(stored)
  })

  it('keeps dashes inside the deck', () => {
    expect(deckWithoutDash('——郴州市——长沙市两地调查')).toBe('郴州市——长沙市两地调查')
  })

  it('prints exactly one dash, also before a deck saved with its own', () => {
    expect(printedDeck('记者手记')).toBe('——记者手记')
    expect(printedDeck('——记者手记')).toBe('——记者手记')
    expect(printedDeck('——')).toBeNull()
    expect(printedDeck(null)).toBeNull()
  })
})
