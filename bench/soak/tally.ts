import { percentiles, type Percentiles } from '../stats'

/** What became of one request: its HTTP status, or `network` when no response came (refused, reset, timed out). */
export type Outcome = number | 'network'
export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | 'network'
export type Failure = { atSeconds: number; kind: string; method: string; url: string; status: Outcome; detail: string }
/** `cache`: how Next.js's page cache answered (its x-nextjs-cache header: HIT, STALE, MISS…), for the pages it caches. */
export type KindFigures = Percentiles & { requests: number; statuses: Record<StatusClass, number>; cache: Record<string, number> }

/** Answers counted per interval of this length, to see whether throughput holds over the soak. */
export const THROUGHPUT_INTERVAL_S = 10
/** Failures kept in full; the rest are only counted, so a broken server cannot fill the memory. */
const KEPT_FAILURES = 200
/**
 * Longest request the soak waits for: the deployment's Varnish gives up on the origin after
 * 60 s (deploy/varnish/default.vcl, first_byte_timeout) and answers 503, so a slower answer is
 * a 5xx for a reader behind it, and a failure here like a refused connection.
 */
export const REQUEST_TIMEOUT_MS = 60_000

export const classOf = (outcome: Outcome): StatusClass => (outcome === 'network' ? 'network' : (`${Math.min(5, Math.max(2, Math.floor(outcome / 100)))}xx` as StatusClass))

/**
 * Every request the soak makes, by kind (reader page kinds, editors' actions): how each one
 * ended, how long it took, and the requests that failed with the URL and what the server said.
 */
export class Tally {
  private readonly started = performance.now()
  private readonly kinds = new Map<string, { statuses: Record<StatusClass, number>; latencies: number[]; cache: Record<string, number> }>()
  readonly failures: Failure[] = []
  /** Requests finished in each THROUGHPUT_INTERVAL_S since the tally began. */
  readonly finishedPerInterval: number[] = []
  failureCount = 0

  record(kind: string, outcome: Outcome, milliseconds: number, cacheStatus: string | null = null): void {
    let entry = this.kinds.get(kind)
    if (!entry) this.kinds.set(kind, (entry = { statuses: { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, network: 0 }, latencies: [], cache: {} }))
    entry.statuses[classOf(outcome)] += 1
    entry.latencies.push(milliseconds)
    if (cacheStatus) entry.cache[cacheStatus] = (entry.cache[cacheStatus] ?? 0) + 1
    const interval = Math.floor((performance.now() - this.started) / 1000 / THROUGHPUT_INTERVAL_S)
    while (this.finishedPerInterval.length <= interval) this.finishedPerInterval.push(0)
    this.finishedPerInterval[interval] += 1
  }

  fail(failure: Omit<Failure, 'atSeconds'>): void {
    this.failureCount += 1
    if (this.failures.length < KEPT_FAILURES) this.failures.push({ atSeconds: Math.round((performance.now() - this.started) / 100) / 10, ...failure })
  }

  figures(): Record<string, KindFigures> {
    return Object.fromEntries([...this.kinds].map(([kind, { statuses, latencies, cache }]) => [kind, { requests: latencies.length, statuses: { ...statuses }, cache: { ...cache }, ...percentiles(latencies) }]))
  }
}

/**
 * One request, timed and tallied under `kind`. A response whose status is not `ok(status)`,
 * and a request that got no response, are failures, recorded with the start of the body the
 * server sent back. Resolves to the response's status and body either way.
 */
export async function tallied(tally: Tally, kind: string, url: string, init: RequestInit, ok: (status: number) => boolean): Promise<{ outcome: Outcome; body: string }> {
  const method = init.method ?? 'GET'
  const started = performance.now()
  let outcome: Outcome = 'network'
  let body: string
  let cacheStatus: string | null = null
  try {
    const response = await fetch(url, { redirect: 'manual', ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
    body = await response.text()
    outcome = response.status
    cacheStatus = response.headers.get('x-nextjs-cache')
  } catch (error) {
    body = error instanceof Error ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)
  }
  tally.record(kind, outcome, performance.now() - started, cacheStatus)
  if (outcome === 'network' || !ok(outcome)) tally.fail({ kind, method, url, status: outcome, detail: body.slice(0, 300) })
  return { outcome, body }
}
