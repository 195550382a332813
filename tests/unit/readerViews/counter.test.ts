import { ViewCounter } from '@/readerViews/counter'

const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const OTHER_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'
// 10:00 and 23:59 Beijing time on 6 December, 00:01 on the 7th.
const MORNING = new Date('2026-12-06T02:00:00Z')
const LATE = new Date('2026-12-06T15:59:00Z')
const AFTER_MIDNIGHT = new Date('2026-12-06T16:01:00Z')

function counter(limits = { readersPerDay: 1000, pendingArticleDays: 100, readersPerAddress: 30 }) {
  const warnings: string[] = []
  const salts: Buffer[] = []
  let next = 0
  const made = new ViewCounter(limits, (message) => warnings.push(message), () => {
    const salt = Buffer.alloc(32, ++next)
    salts.push(salt)
    return salt
  })
  return { counter: made, warnings, salts }
}

describe('the view counter', () => {
  it('counts a reader once per article per Beijing day, and again after the day turns', () => {
    const { counter: views } = counter()
    const view = { article: 7, userAgent: READER_UA, address: '203.0.113.5' }
    expect(views.record({ ...view, now: MORNING })).toBe('counted')
    expect(views.record({ ...view, now: LATE })).toBe('repeat')
    expect(views.record({ ...view, article: 8, now: LATE })).toBe('counted')
    expect(views.record({ ...view, now: AFTER_MIDNIGHT })).toBe('counted')
    expect(views.take()).toEqual([
      { article: 7, day: '2026-12-06', views: 1 },
      { article: 8, day: '2026-12-06', views: 1 },
      { article: 7, day: '2026-12-07', views: 1 },
    ])
  })

  it('tells readers apart by address and browser together', () => {
    const { counter: views } = counter()
    expect(views.record({ article: 1, userAgent: READER_UA, address: '203.0.113.5', now: MORNING })).toBe('counted')
    expect(views.record({ article: 1, userAgent: OTHER_UA, address: '203.0.113.5', now: MORNING })).toBe('counted')
    expect(views.record({ article: 1, userAgent: READER_UA, address: '198.51.100.9', now: MORNING })).toBe('counted')
    expect(views.take()).toEqual([{ article: 1, day: '2026-12-06', views: 3 }])
  })

  it('counts at most so many browsers from one address for one article a day', () => {
    const { counter: views } = counter({ readersPerDay: 1000, pendingArticleDays: 100, readersPerAddress: 3 })
    const from = (address: string, browser: number, article = 1) => views.record({ article, userAgent: `${READER_UA} build/${browser}`, address, now: MORNING })
    expect([1, 2, 3, 4, 5].map((browser) => from('203.0.113.5', browser))).toEqual(['counted', 'counted', 'counted', 'crowded', 'crowded'])
    expect([from('203.0.113.6', 4), from('203.0.113.5', 4, 2)]).toEqual(['counted', 'counted'])
    expect(views.record({ article: 1, userAgent: `${READER_UA} build/9`, address: '203.0.113.5', now: AFTER_MIDNIGHT })).toBe('counted')
  })

  it('counts no crawler and no request without a user agent', () => {
    const { counter: views } = counter()
    for (const userAgent of ['Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)', 'Mozilla/5.0 (compatible; Baiduspider/2.0; +http://www.baidu.com/search/spider.html)', 'curl/8.5.0', '', null]) {
      expect([userAgent, views.record({ article: 1, userAgent, address: '203.0.113.5', now: MORNING })]).toEqual([userAgent, 'bot'])
    }
    expect(views.take()).toEqual([])
  })

  it('draws a new random salt at each Beijing day and keeps no reader after it', () => {
    const { counter: views, salts } = counter()
    views.record({ article: 1, userAgent: READER_UA, address: '203.0.113.5', now: MORNING })
    views.record({ article: 2, userAgent: READER_UA, address: '203.0.113.5', now: LATE })
    expect(salts).toHaveLength(1)
    views.record({ article: 1, userAgent: READER_UA, address: '203.0.113.5', now: AFTER_MIDNIGHT })
    expect(salts).toHaveLength(2)
    // What the counter holds: no address, no user agent, in any form it could be read back from.
    const held = JSON.stringify([...Object.values(views as unknown as Record<string, unknown>)].map((value) => (value instanceof Set ? [...value] : value instanceof Map ? [...value] : value)))
    expect(held).not.toContain('203.0.113.5')
    expect(held).not.toContain('Chrome')
    expect((views as unknown as { seen: Set<string> }).seen.size).toBe(1)
    expect((views as unknown as { fromAddress: Map<string, number> }).fromAddress.size).toBe(1)
  })

  it('stops counting new readers once its day is full, says so once, and counts again the next day', () => {
    const { counter: views, warnings } = counter({ readersPerDay: 2, pendingArticleDays: 100, readersPerAddress: 30 })
    const at = (address: string, now = MORNING) => views.record({ article: 1, userAgent: READER_UA, address, now })
    expect([at('10.0.0.1'), at('10.0.0.2'), at('10.0.0.3'), at('10.0.0.4'), at('10.0.0.1')]).toEqual(['counted', 'counted', 'full', 'full', 'repeat'])
    expect(warnings).toHaveLength(1)
    expect(at('10.0.0.3', AFTER_MIDNIGHT)).toBe('counted')
  })

  it('holds at most so many article-days between flushes, and makes room again when they are taken', () => {
    const { counter: views } = counter({ readersPerDay: 1000, pendingArticleDays: 2, readersPerAddress: 30 })
    const read = (article: number) => views.record({ article, userAgent: READER_UA, address: `10.0.0.${article}`, now: MORNING })
    expect([read(1), read(2), read(3)]).toEqual(['counted', 'counted', 'full'])
    expect(views.take().map((tally) => tally.article)).toEqual([1, 2])
    expect(read(3)).toBe('counted')
  })

  it('takes back what a flush could not write, adding to what was counted since', () => {
    const { counter: views, warnings } = counter({ readersPerDay: 1000, pendingArticleDays: 2, readersPerAddress: 30 })
    views.record({ article: 1, userAgent: READER_UA, address: '10.0.0.1', now: MORNING })
    const failed = views.take()
    views.record({ article: 1, userAgent: READER_UA, address: '10.0.0.2', now: MORNING })
    views.record({ article: 2, userAgent: READER_UA, address: '10.0.0.2', now: MORNING })
    views.giveBack([...failed, { article: 3, day: '2026-12-06', views: 4 }])
    expect(views.take()).toEqual([
      { article: 1, day: '2026-12-06', views: 2 },
      { article: 2, day: '2026-12-06', views: 1 },
    ])
    expect(warnings).toEqual(['阅读量：写入失败后暂存已满，4 次阅读未能计入'])
  })
})
