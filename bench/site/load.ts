import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

import { percentiles, type Percentiles } from '../stats'

export type Throughput = { requestsPerSecond: number; requests: number; errors: number; non2xx: number }
export type FixedRate = Percentiles & { rate: number; requests: number; errors: number; non2xx: number }

// Every request asks for gzip, as browsers do: caches then serve their stored compressed copy.

/** Cycles through `paths` so a run spreads over many URLs, not one cached page. */
function cycler(paths: string[]): () => string {
  let index = 0
  return () => paths[index++ % paths.length]
}

/**
 * Throughput at saturation: wrk (C, one event loop per thread) with `connections` open,
 * every request the next URL of the list. wrk rather than a Node.js client so the load
 * generator is not the bottleneck when measuring nginx and Varnish.
 */
export function saturate(baseUrl: string, paths: string[], options: { connections: number; seconds: number }): Throughput {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-wrk-'))
  const script = path.join(dir, 'paths.lua')
  fs.writeFileSync(
    script,
    `local paths = { ${paths.map((entry) => JSON.stringify(entry)).join(', ')} }
local index = 0
request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index], { ["Accept-Encoding"] = "gzip" })
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("\\nRESULT %d %d %d %d\\n", summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status))
end
`,
  )
  try {
    const threads = Math.min(2, os.cpus().length)
    const result = spawnSync('wrk', [`-t${threads}`, `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', script, baseUrl], { encoding: 'utf8' })
    const line = /RESULT (\d+) (\d+) (\d+) (\d+)/.exec(result.stdout)
    if (!line) throw new Error(`wrk 没有给出结果：${result.stderr || result.stdout}`)
    const [requests, durationMicros, errors, non2xx] = line.slice(1).map(Number)
    return { requestsPerSecond: Math.round(requests / (durationMicros / 1e6)), requests, errors, non2xx }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Latency at a fixed offered rate (autocannon paces the requests), every request's time kept. */
export async function atFixedRate(baseUrl: string, paths: string[], options: { rate: number; seconds: number }): Promise<FixedRate> {
  const next = cycler(paths)
  const times: number[] = []
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: 32,
        overallRate: options.rate,
        duration: options.seconds,
        timeout: 10,
        headers: { 'accept-encoding': 'gzip' },
        requests: [{ setupRequest: (request) => ({ ...request, path: next() }) }],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    )
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime))
  })
  return { ...percentiles(times), rate: options.rate, requests: result.requests.total, errors: result.errors + result.timeouts, non2xx: result.non2xx }
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
