import { weightedViews, windowWeights } from '@/readerViews/window'

const at = (beijing: string) => new Date(`${beijing}+08:00`)

describe('the most-read windows', () => {
  it('count the last 24 hours as today and the part of yesterday still inside them', () => {
    expect([...windowWeights('24h', at('2026-12-06T09:00:00'))]).toEqual([
      ['2026-12-06', 1],
      ['2026-12-05', 15 / 24],
    ])
    expect(windowWeights('24h', at('2026-12-06T00:00:00')).get('2026-12-05')).toBe(1)
    expect(windowWeights('24h', at('2026-12-06T23:59:59.999')).get('2026-12-05')).toBeCloseTo(0, 6)
  })

  it('count the last 7 days as today, the six days before and the part of the seventh still inside them', () => {
    const weights = windowWeights('7d', at('2026-12-06T18:00:00'))
    expect([...weights.keys()]).toEqual(['2026-12-06', '2026-12-05', '2026-12-04', '2026-12-03', '2026-12-02', '2026-12-01', '2026-11-30', '2026-11-29'])
    expect(weights.get('2026-11-30')).toBe(1)
    expect(weights.get('2026-11-29')).toBe(0.25)
  })

  it('turn on the Beijing day, whatever the server’s own time zone', () => {
    // 16:30 UTC on the 5th is 00:30 on the 6th in Beijing.
    expect([...windowWeights('24h', new Date('2026-12-05T16:30:00Z')).keys()]).toEqual(['2026-12-06', '2026-12-05'])
  })

  it('rank an article read mostly yesterday evening below one read this morning when yesterday has mostly left the window', () => {
    const weights = windowWeights('24h', at('2026-12-06T18:00:00'))
    const rows = [
      { article: 'evening', day: '2026-12-05', views: 100 },
      { article: 'morning', day: '2026-12-06', views: 30 },
      { article: 'morning', day: '2026-12-05', views: 2 },
      { article: 'old', day: '2026-12-04', views: 1000 },
    ]
    expect([...weightedViews(rows, weights)]).toEqual([
      ['evening', 25],
      ['morning', 30.5],
    ])
  })
})
