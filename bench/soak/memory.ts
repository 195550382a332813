import type { RssSample } from '../site/processes'

/**
 * "Memory flat": the median of the server's resident memory over the last quarter of the
 * measured soak is at most this much above the median over its first quarter (warm-up
 * excluded). A leak of a few KB per request grows past it within a minute at a few hundred
 * requests per second; V8's own heap breathing (collections every few seconds) stays well under.
 */
export const FLAT_TOLERANCE = { share: 0.15, mb: 64 } as const

export type MemoryFigures = {
  samples: number
  startMb: number
  peakMb: number
  endMb: number
  firstQuarterMedianMb: number
  lastQuarterMedianMb: number
  growthMb: number
  allowedGrowthMb: number
  /** Least-squares slope of the measured soak, and of its first and second halves, in MB per minute. */
  slopeMbPerMinute: { whole: number; firstHalf: number; secondHalf: number }
  flat: boolean
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

function slopePerMinute(samples: RssSample[]): number {
  if (samples.length < 2) return 0
  const xs = samples.map((sample) => sample.atMs / 60_000)
  const meanX = xs.reduce((sum, x) => sum + x, 0) / xs.length
  const meanY = samples.reduce((sum, sample) => sum + sample.mb, 0) / samples.length
  let covariance = 0
  let variance = 0
  samples.forEach((sample, index) => {
    covariance += (xs[index] - meanX) * (sample.mb - meanY)
    variance += (xs[index] - meanX) ** 2
  })
  return variance ? covariance / variance : 0
}

const tenth = (value: number) => Math.round(value * 10) / 10

/** The memory verdict over the samples taken while the measured soak ran. */
export function memoryFigures(samples: RssSample[]): MemoryFigures {
  if (samples.length < 4) throw new Error(`内存采样太少（${samples.length} 个），无法判断是否平稳`)
  const quarter = Math.max(1, Math.floor(samples.length / 4))
  const half = Math.floor(samples.length / 2)
  const first = median(samples.slice(0, quarter).map((sample) => sample.mb))
  const last = median(samples.slice(-quarter).map((sample) => sample.mb))
  const allowed = Math.max(FLAT_TOLERANCE.mb, first * FLAT_TOLERANCE.share)
  return {
    samples: samples.length,
    startMb: samples[0].mb,
    peakMb: Math.max(...samples.map((sample) => sample.mb)),
    endMb: samples.at(-1)!.mb,
    firstQuarterMedianMb: first,
    lastQuarterMedianMb: last,
    growthMb: tenth(last - first),
    allowedGrowthMb: tenth(allowed),
    slopeMbPerMinute: { whole: tenth(slopePerMinute(samples)), firstHalf: tenth(slopePerMinute(samples.slice(0, half))), secondHalf: tenth(slopePerMinute(samples.slice(half))) },
    flat: last - first <= allowed,
  }
}
