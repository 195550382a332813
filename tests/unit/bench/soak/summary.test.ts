import { vclFor } from '../../../../bench/site/processes'
import { seededRandom } from '../../../../bench/seededRandom'
import { mergedPercentile } from '../../../../bench/soak/eventLoop'
import type { FreshnessFigures } from '../../../../bench/soak/freshness'
import { parseSoakOptions } from '../../../../bench/soak/options'
import { pathPicker, poissonGapMs, type ReaderPaths } from '../../../../bench/soak/readers'
import { pageCacheHitRatio, soakSummary } from '../../../../bench/soak/summary'
import { type KindFigures, noResponseOf, perMinute, throughputRatio } from '../../../../bench/soak/tally'
import type { Verification } from '../../../../bench/soak/verify'

const figures = (requests: number, p95: number, cache: Record<string, number> = {}, statuses: Partial<KindFigures['statuses']> = {}): KindFigures => ({
  requests,
  p50: p95 / 2,
  p95,
  p99: p95,
  max: p95,
  cache,
  statuses: { '2xx': requests, '3xx': 0, '4xx': 0, '5xx': 0, reset: 0, timeout: 0, network: 0, ...statuses },
})

describe('the soak harness', () => {
  it('sends readers to a few popular articles by Zipf’s law, or evenly when asked, and other kinds evenly', () => {
    const articles = Array.from({ length: 10_000 }, (_, index) => `/articles/a-${index + 1}`)
    const paths = { article: articles, home: ['/'], column: ['/columns/a', '/columns/b'], region: [], byline: [], search: [], feed: [], sitemap: [] } as ReaderPaths
    const share = (pick: ReturnType<typeof pathPicker>, kind: 'article' | 'column', among: string[]) => {
      const random = seededRandom(42)
      let hits = 0
      for (let draw = 0; draw < 20_000; draw += 1) if (among.includes(pick(kind, random))) hits += 1
      return hits / 20_000
    }
    const top100 = articles.slice(0, 100)
    // H(100) / H(10,000) ≈ 0.53: the first hundred articles draw about half of all article requests.
    expect(share(pathPicker(paths, 'zipf'), 'article', top100)).toBeGreaterThan(0.48)
    expect(share(pathPicker(paths, 'zipf'), 'article', top100)).toBeLessThan(0.58)
    expect(share(pathPicker(paths, 'uniform'), 'article', top100)).toBeLessThan(0.02)
    expect(share(pathPicker(paths, 'zipf'), 'column', ['/columns/a'])).toBeCloseTo(0.5, 1)
    expect(() => parseSoakOptions(['--popularity', 'skewed'])).toThrow('--popularity 只能是 zipf 或 uniform')
    expect(parseSoakOptions([]).popularity).toBe('zipf')
  })

  it('takes the issue’s command line: --minutes, --cache, --instances, 10,000 articles by default', () => {
    const options = parseSoakOptions(['--minutes', '10', '--readers', '200', '--editors', '12', '--cache', '--instances', '2'])
    expect(options).toMatchObject({ seconds: 600, readers: 200, editors: 12, cache: true, instances: 2, size: 10_000, rate: 100 })
    expect(parseSoakOptions(['--seconds', '180', '--warmup', '0', '--size', '500', '--editors', '6'])).toMatchObject({ seconds: 180, warmup: 0, size: 500 })
    expect(() => parseSoakOptions(['--instances', '3'])).toThrow('--instances 必须是 1 到 2 之间的整数')
    expect(() => parseSoakOptions(['--fast'])).toThrow('不认识的参数 --fast')
  })

  it('spaces open-loop arrivals as a Poisson process at the rate asked for', () => {
    const random = seededRandom(42)
    const gaps = Array.from({ length: 20_000 }, () => poissonGapMs(100, random))
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length
    expect(mean).toBeGreaterThan(9.7)
    expect(mean).toBeLessThan(10.3)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0)
    // Exponential gaps: about e^-1 of them longer than the mean.
    expect(gaps.filter((gap) => gap > 10).length / gaps.length).toBeCloseTo(Math.exp(-1), 1)
  })

  it('counts throughput per full minute and compares the last with the second', () => {
    const tenSecondCounts = [...Array(6).fill(50), ...Array(6).fill(100), ...Array(6).fill(95), 40]
    const minutes = perMinute(tenSecondCounts, 185)
    expect(minutes).toEqual([300, 600, 570])
    expect(throughputRatio(minutes)).toBe(0.95)
    expect(throughputRatio([300, 600])).toBeNull()
  })

  it('merges event-loop intervals into one percentile over all their samples', () => {
    const quiet = { count: 990, points: [[0, 0], [50, 0.1], [99, 0.5], [100, 1]] as [number, number][] }
    const stalled = { count: 10, points: [[0, 60], [100, 200]] as [number, number][] }
    expect(mergedPercentile([quiet], 99)).toBe(0.5)
    // 1% of all samples were in the stall: the p99 is still a quiet figure; the p99.5 is not.
    expect(mergedPercentile([quiet, stalled], 99)).toBe(1)
    expect(mergedPercentile([quiet, stalled], 99.5)).toBe(200)
    expect(mergedPercentile([], 99)).toBeNull()
  })

  it('tells resets and timeouts from other failed connections', () => {
    expect(noResponseOf(Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) }))).toBe('reset')
    expect(noResponseOf(new DOMException('The operation was aborted due to timeout', 'TimeoutError'))).toBe('timeout')
    expect(noResponseOf(Object.assign(new Error('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }))).toBe('network')
  })

  it('summarises with exactly the keys other tools read', () => {
    const requests = {
      'reader article': figures(100, 120, { HIT: 80, MISS: 20 }),
      'reader home': figures(20, 90, { HIT: 20 }),
      'reader search': figures(50, 300),
      'editor autosave': figures(40, 210, {}, { '5xx': 1 }),
      'reader column': figures(10, 50, { STALE: 10 }, { reset: 2, timeout: 1 }),
    }
    const verification = { savesAcknowledged: 10, savesVerified: 9, lostSaves: 1, corruptedSaves: 0 } as Verification
    const freshness = { pagesChecked: 4, neverFresh: 0, worstSeconds: 1.4 } as FreshnessFigures
    const summary = soakSummary({ requests, throughputRatio: 0.97, eventLoopP99Ms: 12, freshness, freshnessLimitS: 30, verification, peakRssMb: 480 })
    expect(Object.keys(summary).sort()).toEqual(['autosaveP95Ms', 'errors', 'eventLoopP99Ms', 'lostSaves', 'pageCacheHitRatio', 'peakRssMb', 'readerP95Ms', 'throughputRatio', 'worstFreshnessSeconds'])
    expect(summary).toEqual({
      throughputRatio: 0.97,
      readerP95Ms: { article: 120, home: 90, column: 50 },
      autosaveP95Ms: 210,
      eventLoopP99Ms: 12,
      worstFreshnessSeconds: 1.4,
      errors: 4,
      lostSaves: 1,
      peakRssMb: 480,
      pageCacheHitRatio: 0.769,
    })
    expect(pageCacheHitRatio({ 'reader search': figures(5, 1) })).toBeNull()
    // A page that never showed the change counts as the whole polling time, not as missing.
    expect(soakSummary({ requests, throughputRatio: null, eventLoopP99Ms: null, freshness: { ...freshness, neverFresh: 1 }, freshnessLimitS: 30, verification, peakRssMb: 1 }).worstFreshnessSeconds).toBe(30)
  })

  it('points the repository’s VCL at one origin, or balances two', () => {
    const vcl = 'import directors;\nbackend app {\n  .host = "app";\n  .port = "3000";\n}\n\nsub vcl_init {\n  new instances = directors.round_robin();\n  instances.add_backend(app);\n}\n'
    const one = vclFor(vcl, [4001])
    expect(one).toContain('.host = "127.0.0.1";\n  .port = "4001";')
    expect(one).not.toContain('app2')
    const two = vclFor(vcl, [4001, 4002])
    expect(two).toContain('backend app2 {\n  .host = "127.0.0.1";\n  .port = "4002";')
    expect(two).toContain('instances.add_backend(app);\n  instances.add_backend(app2);')
  })
})
