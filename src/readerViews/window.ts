import { toShanghaiDate } from '@/newsroom/dates'

export type MostReadWindow = '24h' | '7d'

const DAY_MS = 24 * 60 * 60 * 1000
export const WINDOW_DAYS: Record<MostReadWindow, number> = { '24h': 1, '7d': 7 }

/**
 * How much each Beijing day's count weighs in a window ending now. Views are kept per day, not
 * per hour, so the window's oldest day is counted in proportion to the part of it still inside
 * the window, as if its views were spread evenly over the day: at 09:00 the last 24 hours are
 * today (weight 1) and yesterday × 15/24. The last 7 days are today, the six days before it and
 * the seventh day back in the same proportion. Evenly spread is wrong at night (few readers) and
 * right enough for a ranking: the error is at most the oldest day's share of the window.
 */
export function windowWeights(window: MostReadWindow, now: Date = new Date()): Map<string, number> {
  const days = WINDOW_DAYS[window]
  const today = toShanghaiDate(now)
  // Beijing has no daylight saving: a day is always 24 hours, and midnight is 16:00 UTC.
  const midnight = Date.parse(`${today}T00:00:00+08:00`)
  const elapsed = (now.getTime() - midnight) / DAY_MS
  const weights = new Map<string, number>()
  for (let back = 0; back < days; back++) weights.set(toShanghaiDate(new Date(midnight - back * DAY_MS + DAY_MS / 2)), 1)
  const oldest = toShanghaiDate(new Date(midnight - days * DAY_MS + DAY_MS / 2))
  if (elapsed < 1) weights.set(oldest, 1 - elapsed)
  return weights
}

/** Articles' weighted views in a window, from day rows. */
export function weightedViews<Id>(rows: readonly { article: Id; day: string; views: number }[], weights: ReadonlyMap<string, number>): Map<Id, number> {
  const totals = new Map<Id, number>()
  for (const row of rows) {
    const weight = weights.get(row.day)
    if (!weight) continue
    totals.set(row.article, (totals.get(row.article) ?? 0) + row.views * weight)
  }
  return totals
}
