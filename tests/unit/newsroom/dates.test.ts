import {
  chineseDateLine,
  formatChineseDate,
  formatChineseDateTime,
  formatChineseWeekday,
  fromShanghaiLocalInput,
  shanghaiNoon,
  toShanghaiDate,
  toShanghaiIso,
  toShanghaiLocalInput,
  issueNumberOn,
} from '@/newsroom/dates'

describe('newsroom dates', () => {
  it('prints a UTC instant in Beijing time as 2025年11月13日 14:05', () => {
    expect(formatChineseDateTime(new Date('2025-11-13T06:05:00Z'))).toBe('2025年11月13日 14:05')
  })

  it('moves to the next calendar day in Beijing after 16:00 UTC', () => {
    expect(formatChineseDate('2025-11-13T16:30:00Z')).toBe('2025年11月14日')
  })

  it('uses a 24-hour clock', () => {
    expect(formatChineseDateTime('2025-11-13T12:00:00Z')).toBe('2025年11月13日 20:00')
  })

  it('gives machines an ISO time with the +08:00 offset', () => {
    expect(toShanghaiIso('2025-11-13T06:05:00Z')).toBe('2025-11-13T14:05:00+08:00')
  })
})

describe('datetime-local fields in Beijing time', () => {
  it('reads a typed wall-clock time as Beijing time', () => {
    expect(fromShanghaiLocalInput('2030-03-01T10:00')?.toISOString()).toBe('2030-03-01T02:00:00.000Z')
  })

  it('refuses anything that is not a complete date and time', () => {
    expect(fromShanghaiLocalInput('2030-03-01')).toBeNull()
    expect(fromShanghaiLocalInput('')).toBeNull()
  })

  it('round-trips an instant through the field', () => {
    expect(toShanghaiLocalInput('2030-03-01T02:00:00.000Z')).toBe('2030-03-01T10:00')
  })
})

describe('formatChineseWeekday', () => {
  it('names the Beijing weekday, which can differ from the UTC one', () => {
    expect(formatChineseWeekday('2026-11-22T20:00:00Z')).toBe('周一')
  })
})

describe('Beijing calendar days', () => {
  it('names the Beijing day of an instant, whatever the UTC date', () => {
    expect(toShanghaiDate('2026-03-01T15:59:00Z')).toBe('2026-03-01')
    expect(toShanghaiDate('2026-03-01T16:00:00Z')).toBe('2026-03-02')
  })

  it('takes a calendar day to its Beijing noon and back', () => {
    expect(shanghaiNoon('2026-11-23').toISOString()).toBe('2026-11-23T04:00:00.000Z')
    expect(toShanghaiDate(shanghaiNoon('2026-12-31'))).toBe('2026-12-31')
  })
})

describe('chineseDateLine', () => {
  it('prints the Beijing day with its weekday and lunar date, as a paper’s masthead does', () => {
    // 23:30 on 4 December UTC is already 5 December in Beijing.
    expect(chineseDateLine(new Date('2026-12-04T23:30:00Z'))).toBe('2026年12月5日 星期六 农历十月廿七')
    expect(chineseDateLine(new Date('2026-02-17T04:00:00Z'))).toBe('2026年2月17日 星期二 农历正月初一')
  })

  it('names a leap month as the calendar does', () => {
    // 2025 has a leap sixth month (闰六月), from 25 July to 22 August.
    expect(chineseDateLine(new Date('2025-08-01T04:00:00Z'))).toBe('2025年8月1日 星期五 农历闰六月初八')
  })
})


describe('the edition’s 期号', () => {
  it('adds one a day from the day the desk set, across months and years', () => {
    expect(issueNumberOn('2026-01-01', { date: '2026-01-01', number: 25000 })).toBe(25000)
    expect(issueNumberOn('2026-03-01', { date: '2026-02-28', number: 25000 })).toBe(25001)
    expect(issueNumberOn('2027-01-01', { date: '2026-01-01', number: 25000 })).toBe(25365)
  })

  it('gives none before the day set', () => {
    expect(issueNumberOn('2025-12-31', { date: '2026-01-01', number: 25000 })).toBeNull()
  })
})
