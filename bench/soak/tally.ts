import { percentiles, type Percentiles } from '../stats'

/**
 * What became of one request: its HTTP status, or why no response came: `reset` (the server
 * or something between closed the connection mid-request), `timeout` (no answer within
 * REQUEST_TIMEOUT_MS), `network` (anything else: refused, DNS…).
 */
export type NoResponse = 'reset' | 'timeout' | 'network'
export type Outcome = number | NoResponse
export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx' | NoResponse
export const STATUS_CLASSES: StatusClass[] = ['2xx', '3xx', '4xx', '5xx', 'reset', 'timeout', 'network']
export type Failure = { atSeconds: number; kind: string; method: string; url: string; status: Outcome; detail: string }
/** `cache`: how the page cache answered (Varnish's X-Cache, else Next.js's x-nextjs-cache: HIT, STALE, MISS…), for the pages it caches. */
export type KindFigures = Percentiles & { requests: number; statuses: Record<StatusClass, number>; cache: Record<string, number> }

/** Answers counted per interval of this length, to see whether throughput holds over the soak. */
export const THROUGHPUT_INTERVAL_S = 10
/** Closed-loop readers' pages counted per minute, for the steady-state figure (last full minute / second minute). */
export const MINUTE_S = 60
/** Failures kept in full per status class (so the first 5xx are kept beside a flood of timeouts); the rest are only counted, so a broken server cannot fill the memory. */
const KEPT_FAILURES_PER_CLASS = 50
/**
 * Longest request the soak waits for. A reader gives up long before Varnish would
 * (first_byte_timeout 60 s); an answer slower than this is a failure like a refused connection.
 */
export const REQUEST_TIMEOUT_MS = 10_000

export const classOf = (outcome: Outcome): StatusClass => (typeof outcome === 'string' ? outcome : (`${Math.min(5, Math.max(2, Math.floor(outcome / 100)))}xx` as StatusClass))
export const acknowledged = (outcome: Outcome) => typeof outcome === 'number' && outcome >= 200 && outcome < 300

/** Why a fetch got no response, from the error undici throws. */
export function noResponseOf(error: unknown): NoResponse {
  // A DOMException (what AbortSignal.timeout throws) is not an Error in every realm: read its fields as they are.
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } }
  if (name === 'TimeoutError' || name === 'AbortError') return 'timeout'
  const text = `${message ?? ''} ${cause?.code ?? ''} ${cause?.message ?? ''}`
  return /ECONNRESET|EPIPE|UND_ERR_SOCKET|other side closed|socket hang up/i.test(text) ? 'reset' : 'network'
}

/** Answers per full minute from the counts per THROUGHPUT_INTERVAL_S; a minute still running when the load ended is left out. */
export function perMinute(finishedPerInterval: number[], elapsedS: number): number[] {
  const perMinuteIntervals = MINUTE_S / THROUGHPUT_INTERVAL_S
  const fullMinutes = Math.floor(elapsedS / MINUTE_S)
  return Array.from({ length: fullMinutes }, (_, minute) => finishedPerInterval.slice(minute * perMinuteIntervals, (minute + 1) * perMinuteIntervals).reduce((sum, count) => sum + count, 0))
}

/** Steady state: the last full minute's reader throughput over the second minute's (the first is warm-up); null before three minutes. */
export function throughputRatio(minutes: number[]): number | null {
  if (minutes.length < 3 || !minutes[1]) return null
  return Math.round((minutes.at(-1)! / minutes[1]) * 1000) / 1000
}

/**
 * Every request the soak makes, by kind (reader page kinds, editors' actions): how each one
 * ended, how long it took, and the requests that failed with the URL and what the server said.
 */
export class Tally {
  readonly started = performance.now()
  private readonly kinds = new Map<string, { statuses: Record<StatusClass, number>; latencies: number[]; cache: Record<string, number> }>()
  readonly failures: Failure[] = []
  /** Requests finished in each THROUGHPUT_INTERVAL_S since the tally began. */
  readonly finishedPerInterval: number[] = []
  /** The closed-loop readers' answered pages in each THROUGHPUT_INTERVAL_S: the throughput figure. */
  readonly readerPagesPerInterval: number[] = []
  failureCount = 0

  record(kind: string, outcome: Outcome, milliseconds: number, cacheStatus: string | null = null): void {
    let entry = this.kinds.get(kind)
    if (!entry) this.kinds.set(kind, (entry = { statuses: Object.fromEntries(STATUS_CLASSES.map((statusClass) => [statusClass, 0])) as Record<StatusClass, number>, latencies: [], cache: {} }))
    entry.statuses[classOf(outcome)] += 1
    entry.latencies.push(milliseconds)
    if (cacheStatus) entry.cache[cacheStatus] = (entry.cache[cacheStatus] ?? 0) + 1
    const interval = Math.floor((performance.now() - this.started) / 1000 / THROUGHPUT_INTERVAL_S)
    const count = (series: number[]) => {
      while (series.length <= interval) series.push(0)
      series[interval] += 1
    }
    count(this.finishedPerInterval)
    if (kind.startsWith('reader ') && typeof outcome === 'number' && outcome < 400) count(this.readerPagesPerInterval)
  }

  fail(failure: Omit<Failure, 'atSeconds'>): void {
    this.failureCount += 1
    const statusClass = classOf(failure.status)
    if (this.failures.filter((kept) => classOf(kept.status) === statusClass).length < KEPT_FAILURES_PER_CLASS) this.failures.push({ atSeconds: Math.round((performance.now() - this.started) / 100) / 10, ...failure })
  }

  figures(): Record<string, KindFigures> {
    return Object.fromEntries([...this.kinds].map(([kind, { statuses, latencies, cache }]) => [kind, { requests: latencies.length, statuses: { ...statuses }, cache: { ...cache }, ...percentiles(latencies) }]))
  }
}

/**
 * A request and its whole body within `ms`, or a TimeoutError. The abort signal alone is not
 * enough: a soak once waited for minutes on requests it had aborted, so the wait itself is
 * bounded too.
 */
export async function fetchWithin(url: string, init: RequestInit = {}, ms = REQUEST_TIMEOUT_MS): Promise<{ response: Response; text: string }> {
  const controller = new AbortController()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer within ${ms} ms`)
      error.name = 'TimeoutError'
      controller.abort(error)
      reject(error)
    }, ms)
  })
  try {
    return await Promise.race([
      (async () => {
        const response = await fetch(url, { ...init, signal: controller.signal })
        return { response, text: await response.text() }
      })(),
      timeout,
    ])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * One request, timed and tallied under `kind`. A response whose status is not `ok(status)`,
 * and a request that got no response, are failures, recorded with the start of the body the
 * server sent back. Resolves to the response's status, body and cache header either way.
 */
export async function tallied(tally: Tally, kind: string, url: string, init: RequestInit, ok: (status: number) => boolean): Promise<{ outcome: Outcome; body: string; cacheStatus: string | null }> {
  const method = init.method ?? 'GET'
  const started = performance.now()
  let outcome: Outcome
  let body: string
  let cacheStatus: string | null = null
  try {
    const { response, text } = await fetchWithin(url, { redirect: 'manual', ...init })
    body = text
    outcome = response.status
    cacheStatus = response.headers.get('x-cache') ?? response.headers.get('x-nextjs-cache')
  } catch (error) {
    outcome = noResponseOf(error)
    body = error instanceof Error ? `${error.name}: ${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)
  }
  tally.record(kind, outcome, performance.now() - started, cacheStatus)
  if (typeof outcome === 'string' || !ok(outcome)) tally.fail({ kind, method, url, status: outcome, detail: body.slice(0, 300) })
  return { outcome, body, cacheStatus }
}
