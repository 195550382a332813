import { generateArticles } from '../../../bench/dataset'
import { runSearchBench } from '../../../bench/search'
import { searchArticles } from '@/search/query'
import { useTestPayload } from '../../helpers/payload'

const db = useTestPayload()

// The smoke version of `npm run bench -- --only search`, so the benchmark keeps working; it
// checks what the bench measures, never how fast.
describe('the search benchmark', () => {
  it('indexes a generated dataset and reports build and query figures for each kind of query', async () => {
    const result = await runSearchBench(db.payload, { size: 300, rounds: 1 })
    expect(result.articles).toBe(300)
    expect(result.build.articlesPerSecond).toBeGreaterThan(0)
    for (const kind of ['oneWord', 'twoWord', 'rareWord'] as const) {
      const figures = result.queries[kind]
      expect(figures.queries).toBeGreaterThan(0)
      expect(figures.p50).toBeLessThanOrEqual(figures.p95)
      expect(figures.p95).toBeLessThanOrEqual(figures.p99)
    }
    // Rare names are rare, common words common: the dataset behaves like an archive.
    expect(result.queries.rareWord.meanTotal).toBeLessThanOrEqual(3)
    expect(result.queries.oneWord.meanTotal).toBeGreaterThan(30)
  })

  it('leaves an index the app can search: a generated article is found by its rare name', async () => {
    const [first] = generateArticles(1)
    const { docs } = await searchArticles(db.payload, first.rareName)
    expect(docs.map((doc) => doc.slug)).toContain('bench-1')
  })
})
