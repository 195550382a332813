import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Percentiles } from '../stats'

export type Throughput = { requestsPerSecond: number; requests: number; errors: number; non2xx: number }
export type FixedRate = Percentiles & { rate: number; achievedRate: number; requests: number; errors: number; non2xx: number }

/** Connections of the paced run: enough that one slow answer barely lowers the offered rate. */
const PACED_CONNECTIONS = 32

type WrkResult = Throughput & Percentiles

/**
 * One wrk run (C, one event loop per thread, so the load generator is not the bottleneck
 * even against nginx and Varnish). Every request asks for gzip, as browsers do, and takes the
 * next URL of `paths`. `meanDelayMs` makes each connection wait an exponentially distributed
 * time before each request: the connections together then offer Poisson arrivals at
 * `connections / meanDelay` per second, as independent readers do.
 */
function wrk(baseUrl: string, paths: string[], options: { connections: number; seconds: number; meanDelayMs?: number }): WrkResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-wrk-'))
  const script = path.join(dir, 'load.lua')
  const pacing = options.meanDelayMs
    ? `local seeds = 0
setup = function(thread)
  seeds = seeds + 1
  thread:set("seed", seeds)
end
init = function()
  math.randomseed(os.time() * 100 + seed)
end
delay = function()
  return math.floor(-${options.meanDelayMs} * math.log(1 - math.random()))
end
`
    : ''
  fs.writeFileSync(
    script,
    `${pacing}local paths = { ${paths.map((entry) => JSON.stringify(entry)).join(', ')} }
local index = 0
request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Accept-Encoding"] = "gzip" })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("\\nRESULT %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
`,
  )
  try {
    const threads = Math.min(2, os.cpus().length)
    const result = spawnSync('wrk', [`-t${threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', script, baseUrl], { encoding: 'utf8' })
    const line = /RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)/.exec(result.stdout)
    if (!line) throw new Error(`wrk 没有给出结果：${result.stderr || result.stdout}`)
    const [requests, durationMicros, errors, non2xx, ...latencyMicros] = line.slice(1).map(Number)
    const [p50, p95, p99, max] = latencyMicros.map((micros) => Math.round(micros / 100) / 10)
    return { requestsPerSecond: Math.round(requests / (durationMicros / 1e6)), requests, errors, non2xx, p50, p95, p99, max }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Throughput at saturation: `connections` open, each sending its next request as soon as the last is answered. */
export function saturate(baseUrl: string, paths: string[], options: { connections: number; seconds: number }): Throughput {
  const { requestsPerSecond, requests, errors, non2xx } = wrk(baseUrl, paths, options)
  return { requestsPerSecond, requests, errors, non2xx }
}

/**
 * Latency at an offered rate of `rate` requests/s, arrivals spread as independent readers'
 * are. (autocannon's `overallRate` sends each connection's quota for the second back to back
 * when the second starts, which measures queueing behind its own burst, not latency at a rate.)
 * The rate achieved is reported beside the one asked for: it falls below it only when answers
 * take a noticeable share of the mean wait.
 */
export function atFixedRate(baseUrl: string, paths: string[], options: { rate: number; seconds: number }): FixedRate {
  const result = wrk(baseUrl, paths, { connections: PACED_CONNECTIONS, seconds: options.seconds, meanDelayMs: (PACED_CONNECTIONS / options.rate) * 1000 })
  const { p50, p95, p99, max, requests, errors, non2xx, requestsPerSecond } = result
  return { p50, p95, p99, max, rate: options.rate, achievedRate: requestsPerSecond, requests, errors, non2xx }
}

/** Requests every path once (a few at a time), so saturation runs measure warm caches. */
export async function warm(baseUrl: string, paths: string[], concurrency = 4): Promise<number> {
  const queue = [...new Set(paths)]
  let failures = 0
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        const response = await fetch(`${baseUrl}${entry}`).catch(() => null)
        await response?.arrayBuffer()
        if (!response?.ok) failures += 1
      }
    }),
  )
  return failures
}
