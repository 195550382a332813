import fs from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/** The timer monitorEventLoopDelay samples with; what it records is this plus the delay, so figures are given without it. */
const RESOLUTION_MS = 10
const REPORT_EVERY_MS = 1_000

export type DelayFigures = { p50: number; p99: number; max: number }
/** An interval's figures with what it takes to merge intervals: how many delays were sampled, and the histogram's percentile points ([percentile, ms]). */
export type IntervalFigures = DelayFigures & { count: number; points: [number, number][] }
/**
 * One line of the stats file, written every second: the event loop's delay (how late a timer
 * fired, in ms) over that second and since the server started; `at` is the wall clock (epoch
 * ms) at the end of the interval, so a tool can pick the seconds of a window it timed itself.
 */
export type EventLoopLine = { at: number; pid: number; interval: IntervalFigures; sinceStart: DelayFigures }

type Histogram = ReturnType<typeof monitorEventLoopDelay>
const ms = (nanoseconds: number) => Math.max(0, Math.round((nanoseconds / 1e6 - RESOLUTION_MS) * 10) / 10)
const figuresOf = (histogram: Histogram): DelayFigures => ({ p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) })

let started = false

/**
 * When NEWSROOM_EVENT_LOOP_STATS names a file, the server measures its own event loop
 * (perf_hooks.monitorEventLoopDelay) and appends one JSON line a second to that file: the
 * soak (bench/soak) reads it to say whether the loop stalled, and when. Off (nothing
 * measured, nothing written) when the variable is unset.
 */
export function startEventLoopStats(file = process.env.NEWSROOM_EVENT_LOOP_STATS): boolean {
  if (!file || started) return false
  started = true
  const sinceStart = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  const interval = monitorEventLoopDelay({ resolution: RESOLUTION_MS })
  sinceStart.enable()
  interval.enable()
  const timer = setInterval(() => {
    const points = [...interval.percentiles].map(([percentile, value]): [number, number] => [percentile, ms(value)])
    const line: EventLoopLine = { at: Date.now(), pid: process.pid, interval: { ...figuresOf(interval), count: interval.count, points }, sinceStart: figuresOf(sinceStart) }
    interval.reset()
    // Synchronous on purpose: a few dozen bytes a second, and an async append could reorder lines.
    fs.appendFileSync(file, `${JSON.stringify(line)}\n`)
  }, REPORT_EVERY_MS)
  // The measurement must never keep a server (or a CLI sharing the config) from exiting.
  timer.unref()
  return true
}
