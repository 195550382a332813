export const NEWSROOM_TIME_ZONE = 'Asia/Shanghai'

const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: NEWSROOM_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

function shanghaiParts(value: Date | string) {
  const date = typeof value === 'string' ? new Date(value) : value
  const found = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]))
  return {
    year: Number(found.year),
    month: Number(found.month),
    day: Number(found.day),
    time: `${found.hour}:${found.minute}`,
  }
}

/** `2025年11月13日` in Beijing time, whatever the server's own zone. */
export function formatChineseDate(value: Date | string): string {
  const { year, month, day } = shanghaiParts(value)
  return `${year}年${month}月${day}日`
}

/** `2025年11月13日 14:05` in Beijing time (24-hour clock). */
export function formatChineseDateTime(value: Date | string): string {
  return `${formatChineseDate(value)} ${shanghaiParts(value).time}`
}

/** ISO 8601 with the +08:00 offset, for machine-readable dates shown to readers. */
export function toShanghaiIso(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  const shifted = new Date(date.getTime() + 8 * 60 * 60 * 1000)
  return shifted.toISOString().replace(/\.\d{3}Z$/, '+08:00')
}

/** The Beijing calendar day of an instant, `2026-11-23`, as archive URLs and date pickers spell it. */
export function toShanghaiDate(value: Date | string): string {
  return toShanghaiIso(value).slice(0, 10)
}

/** Noon Beijing time on a `2026-11-23` calendar day: an instant no rounding moves into another day. */
export function shanghaiNoon(date: string): Date {
  return new Date(`${date}T12:00:00+08:00`)
}

/** Midnight at the start of the Beijing calendar day containing `now`, as an instant. */
export function startOfShanghaiDay(now: Date = new Date()): Date {
  const { year, month, day } = shanghaiParts(now)
  return new Date(Date.UTC(year, month - 1, day) - 8 * 60 * 60 * 1000)
}

/** `2030-03-01T10:00` typed into a datetime-local field, read as Beijing time. */
export function fromShanghaiLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null
  return new Date(`${value}:00+08:00`)
}

/** The reverse, to prefill a datetime-local field with a Beijing wall-clock time. */
export function toShanghaiLocalInput(value: Date | string): string {
  return toShanghaiIso(value).slice(0, 16)
}

const weekday = new Intl.DateTimeFormat('zh-CN', { timeZone: NEWSROOM_TIME_ZONE, weekday: 'short' })

/** `周一` … `周日` for the Beijing calendar day. */
export function formatChineseWeekday(value: Date | string): string {
  return weekday.format(typeof value === 'string' ? new Date(value) : value)
}

/** `2026-11-22` as the instants bounding that Beijing calendar day. */
export function shanghaiDayRange(date: string): { start: string; end: string } {
  const start = new Date(`${date}T00:00:00+08:00`)
  return { start: start.toISOString(), end: new Date(start.getTime() + 24 * 60 * 60 * 1000).toISOString() }
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value < '1900') return false
  const start = new Date(`${value}T00:00:00+08:00`)
  // Date parsing rolls 30 February over into March; a real date reads back as itself.
  return !Number.isNaN(start.getTime()) && toShanghaiDate(start) === value
}

const longWeekday = new Intl.DateTimeFormat('zh-CN', { timeZone: NEWSROOM_TIME_ZONE, weekday: 'long' })
/** ICU's Chinese calendar: months as printed (十月, 闰六月), days as 初一 … 三十. */
const lunar = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', { timeZone: NEWSROOM_TIME_ZONE, dateStyle: 'full' })

/** `2026年12月5日 星期六 农历十月廿七`: the date line Chinese papers print under the masthead, for the Beijing day. */
export function chineseDateLine(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value
  const found = Object.fromEntries(lunar.formatToParts(date).map((part) => [part.type, part.value]))
  return `${formatChineseDate(date)} ${longWeekday.format(date)} 农历${found.month}${found.day}`
}

/** Whole Beijing days from one `2026-11-23` calendar day to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((shanghaiNoon(to).getTime() - shanghaiNoon(from).getTime()) / (24 * 60 * 60 * 1000))
}

/**
 * The edition's 期号 on a Beijing day, counted from one the desk set (第 25000 期 on
 * 2026-01-01): a daily comes out every day, so each day adds one. None before the day set.
 */
export function issueNumberOn(date: string, reference: { date: string; number: number }): number | null {
  const days = daysBetween(reference.date, date)
  return days >= 0 ? reference.number + days : null
}
