import { dayTurnWatcher } from '@/publishing/dateLine'

describe('dayTurnWatcher', () => {
  it('says the day has turned at midnight in Beijing, not at midnight UTC, once per turn', () => {
    const turned = dayTurnWatcher()
    // 2026-12-05 23:59:45 and 2026-12-06 00:00:00 in Beijing are 15:59:45 and 16:00:00 UTC.
    expect(turned(new Date('2026-12-05T15:59:45Z'))).toBe(false)
    expect(turned(new Date('2026-12-05T16:00:00Z'))).toBe(true)
    expect(turned(new Date('2026-12-05T16:00:15Z'))).toBe(false)
    expect(turned(new Date('2026-12-06T15:59:59Z'))).toBe(false)
    expect(turned(new Date('2026-12-06T16:00:14Z'))).toBe(true)
  })

  it('expires nothing on its first tick after the server starts', () => {
    expect(dayTurnWatcher()(new Date('2026-12-06T16:00:14Z'))).toBe(false)
  })
})
