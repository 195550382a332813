import { generateArticles } from '../../../bench/dataset'
import { percentiles } from '../../../bench/stats'

describe('the benchmark dataset', () => {
  it('is the same for the same seed, with the seeds’ mix of features and briefs', () => {
    const first = [...generateArticles(200)]
    const again = [...generateArticles(200)]
    expect(again).toEqual(first)
    const lengths = first.map((article) => article.body.reduce((sum, block) => sum + block.text.length, 0))
    expect(lengths.filter((length) => length < 600).length).toBeGreaterThan(20)
    expect(lengths.filter((length) => length > 800).length).toBeGreaterThan(80)
    for (const article of first) expect(article.body.some((block) => block.text.includes(article.rareName))).toBe(true)
  })

  it('never credits one person twice in an article (the byline field refuses it), even among 10,000', () => {
    const repeated = [...generateArticles(10_000, { names: ['张三', '李四', '王五'] })].filter((article) => new Set(article.bylines).size !== article.bylines.length)
    expect(repeated).toEqual([])
  })
})

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1)
    expect(percentiles(samples)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 })
    expect(percentiles([])).toEqual({ p50: 0, p95: 0, p99: 0, max: 0 })
  })
})
