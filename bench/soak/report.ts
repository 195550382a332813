import { FLAT_TOLERANCE, type MemoryFigures } from './memory'
import { type Failure, type KindFigures, type StatusClass, THROUGHPUT_INTERVAL_S } from './tally'
import type { Verification } from './verify'

export type SoakResult = {
  startedAt: string
  options: { seconds: number; warmup: number; readers: number; editors: number; size: number }
  dataset: { articles: number; seconds: number }
  build: { seconds: number | null; reused: boolean }
  server: { url: string; coldStartMs: number; rateLimits: 'off' }
  cpu: { serverCores: number; loadGeneratorCores: number; machineCores: number; machineLoadAverage: number }
  requests: Record<string, KindFigures>
  requestsPerSecondOverTime: number[]
  failedRequests: number
  failures: Failure[]
  verification: Verification
  memory: MemoryFigures
  /** The server's RSS in MB, one sample a second from the start of the load (warm-up included). */
  rssMbOverTime: number[]
  checks: Record<string, boolean>
  passed: boolean
  serverLogTail?: string
}

const CLASSES: StatusClass[] = ['2xx', '3xx', '4xx', '5xx', 'network']
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL')
const cell = (value: number | string, width: number) => String(value).padStart(width)

/** What failed requests' kinds and classes add up to, for the checks. */
export function countOf(requests: Record<string, KindFigures>, prefix: string, statusClass: StatusClass): number {
  return Object.entries(requests).reduce((sum, [kind, figures]) => sum + (kind.startsWith(prefix) ? figures.statuses[statusClass] : 0), 0)
}

export function soakChecks(requests: Record<string, KindFigures>, verification: Verification, memory: MemoryFigures): Record<string, boolean> {
  const editorFailures = CLASSES.filter((statusClass) => statusClass !== '2xx').reduce((sum, statusClass) => sum + countOf(requests, 'editor', statusClass), 0)
  return {
    'zero 5xx': countOf(requests, '', '5xx') === 0,
    'zero network errors or timeouts': countOf(requests, '', 'network') === 0,
    'zero 4xx on reader pages': countOf(requests, 'reader', '4xx') === 0,
    'every editor request acknowledged (2xx)': editorFailures === 0,
    'every acknowledged save verified': verification.savesVerified === verification.savesAcknowledged,
    'zero lost or corrupted saves': verification.lostSaves === 0 && verification.corruptedSaves === 0,
    'reader pages show what was published': verification.readerProblems === 0,
    'memory flat': memory.flat,
  }
}

export function soakTable(result: SoakResult): string[] {
  const { options, verification: v, memory: m } = result
  const rows = [
    `浸泡测试 Soak test：${options.readers} readers + ${options.editors} editors for ${options.seconds} s (after ${options.warmup} s warm-up under the same load), ${result.dataset.articles.toLocaleString('en-US')} articles`,
    `  server  next start (production build${result.build.reused ? ', reused' : `, built in ${result.build.seconds} s`}) at ${result.server.url}, cold start ${(result.server.coldStartMs / 1000).toFixed(1)} s, temp SQLite database; rate limits OFF (NEWSROOM_RATE_LIMITS=off)`,
    `  requests (whole run)      ${['count', ...CLASSES].map((label) => cell(label, 8)).join('')}${['p50 ms', 'p95 ms', 'p99 ms', 'max ms'].map((label) => cell(label, 9)).join('')}`,
  ]
  let total = 0
  for (const [kind, figures] of Object.entries(result.requests).sort(([a], [b]) => a.localeCompare(b))) {
    total += figures.requests
    rows.push(`  ${kind.padEnd(24)}${cell(figures.requests, 8)}${CLASSES.map((statusClass) => cell(figures.statuses[statusClass], 8)).join('')}${[figures.p50, figures.p95, figures.p99, figures.max].map((value) => cell(value.toFixed(1), 9)).join('')}`)
  }
  const seconds = options.seconds + options.warmup
  rows.push(
    `  ${'total'.padEnd(24)}${cell(total, 8)}  (${Math.round(total / seconds)} requests/s over ${seconds} s)`,
    `  requests/s in each ${THROUGHPUT_INTERVAL_S} s: ${result.requestsPerSecondOverTime.join(', ')}`,
    `  cpu     server ${result.cpu.serverCores} cores busy on average, the soak's own client ${result.cpu.loadGeneratorCores}; machine load average ${result.cpu.machineLoadAverage} on ${result.cpu.machineCores} cores at the end`,
  )
  const cached = Object.entries(result.requests).filter(([, figures]) => Object.keys(figures.cache).length)
  if (cached.length) {
    const shares = (figures: KindFigures) => Object.entries(figures.cache).map(([status, count]) => `${status} ${Math.round((count / figures.requests) * 100)}%`).join(' ')
    rows.push(`  page cache (x-nextjs-cache) ${cached.map(([kind, figures]) => `${kind.replace('reader ', '')} ${shares(figures)}`).join('; ')}`)
  }
  if (result.failedRequests) {
    rows.push(`  failed requests: ${result.failedRequests}; the first ${Math.min(10, result.failures.length)}:`)
    for (const failure of result.failures.slice(0, 10)) rows.push(`    [${failure.atSeconds.toFixed(1)} s] ${failure.method} ${failure.url} → ${failure.status}  ${failure.detail.replace(/\s+/g, ' ').slice(0, 160)}`)
  }
  rows.push(
    `  saves   acknowledged ${v.savesAcknowledged}, verified ${v.savesVerified} (found in the version history exactly as sent), lost ${v.lostSaves}, corrupted ${v.corruptedSaves}; ${v.articles} articles read back (latest ${v.articles}, published ${v.publishedChecked}), reader pages ${v.readerPagesChecked} (problems ${v.readerProblems})${v.unsettled ? `; ${v.unsettled} articles left alone after a request without an answer (${v.unsettledApplied} of those saves were carried out all the same)` : ''}`,
  )
  for (const problem of v.problems.slice(0, 10)) rows.push(`    article ${problem.article} (editor ${problem.editor}) ${problem.check}: ${problem.verdict} — ${problem.detail}`)
  rows.push(
    `  memory  server RSS (process tree, 1 s samples over the measured ${options.seconds} s): start ${m.startMb} MB, peak ${m.peakMb} MB, end ${m.endMb} MB`,
    `          median first quarter ${m.firstQuarterMedianMb} MB → last quarter ${m.lastQuarterMedianMb} MB: ${m.growthMb >= 0 ? '+' : ''}${m.growthMb} MB (flat = at most +max(${FLAT_TOLERANCE.mb} MB, ${FLAT_TOLERANCE.share * 100}%) = +${m.allowedGrowthMb} MB); slope ${m.slopeMbPerMinute.whole} MB/min (first half ${m.slopeMbPerMinute.firstHalf}, second half ${m.slopeMbPerMinute.secondHalf})`,
    '  checks',
    ...Object.entries(result.checks).map(([check, ok]) => `    ${verdict(ok)}  ${check}`),
    `  ${result.passed ? 'PASS：浸泡测试全部通过' : 'FAIL：浸泡测试未通过'}`,
  )
  return rows
}
