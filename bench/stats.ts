export type Percentiles = { p50: number; p95: number; p99: number; max: number }

/** Nearest-rank percentiles, in the samples' unit, to a tenth. */
export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0
  const round = (value: number) => Math.round(value * 10) / 10
  return { p50: round(rank(0.5)), p95: round(rank(0.95)), p99: round(rank(0.99)), max: round(sorted.at(-1) ?? 0) }
}
