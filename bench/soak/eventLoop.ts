import fs from 'node:fs'

import type { EventLoopLine, IntervalFigures } from '@/observability/eventLoop'

/** The target: p99 event-loop delay under this during the soak, imports and index rebuilds included (issue 20). */
export const EVENT_LOOP_TARGET_MS = 50

export type Window = { label: string; from: number; to: number }
export type WindowFigures = { label: string; seconds: number; p99Ms: number | null; maxMs: number | null; worstIntervalP99Ms: number | null }

/** The lines a server wrote (src/observability/eventLoop.ts); none when it wrote none. */
export function readEventLoopLines(file: string): EventLoopLine[] {
  if (!fs.existsSync(file)) return []
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as EventLoopLine)
}

/**
 * A percentile over several intervals' delays together, from each interval's sample count and
 * percentile points: the smallest delay at or under which `percentile`% of all samples fall.
 * Exact to the points the histograms give (each interval's samples at or under a point value
 * are the point's share of its count).
 */
export function mergedPercentile(intervals: Pick<IntervalFigures, 'count' | 'points'>[], percentile: number): number | null {
  const total = intervals.reduce((sum, interval) => sum + interval.count, 0)
  if (!total) return null
  const atOrUnder = (value: number) =>
    intervals.reduce((sum, interval) => {
      const share = interval.points.reduce((best, [pct, ms]) => (ms <= value ? Math.max(best, pct) : best), 0)
      return sum + (interval.count * share) / 100
    }, 0)
  const candidates = [...new Set(intervals.flatMap((interval) => interval.points.map(([, ms]) => ms)))].sort((a, b) => a - b)
  return candidates.find((value) => atOrUnder(value) >= (total * percentile) / 100 - 1e-9) ?? candidates.at(-1)!
}

/** The delay figures of the seconds that ended inside a window (a second's line is written at its end). */
export function windowFigures(lines: EventLoopLine[], window: Window): WindowFigures {
  const inside = lines.filter((line) => line.at > window.from && line.at <= window.to + 1_000).map((line) => line.interval)
  return {
    label: window.label,
    seconds: Math.round((window.to - window.from) / 100) / 10,
    p99Ms: mergedPercentile(inside, 99),
    maxMs: inside.length ? Math.max(...inside.map((interval) => interval.max)) : null,
    worstIntervalP99Ms: inside.length ? Math.max(...inside.map((interval) => interval.p99)) : null,
  }
}
