import type { DraftCacheSample } from './editors'
import type { WindowFigures } from './eventLoop'
import type { FreshnessFigures } from './freshness'
import { FLAT_TOLERANCE, type MemoryFigures } from './memory'
import type { SoakOptions } from './options'
import type { SideJob } from './sideJobs'
import { countOf, type SoakSummary, type Target } from './summary'
import { classOf, type Failure, type KindFigures, STATUS_CLASSES, THROUGHPUT_INTERVAL_S } from './tally'
import type { Verification } from './verify'

/** One app instance's own figures: its memory and its event loop, over the soak and in each window. */
export type InstanceFigures = { url: string; coldStartMs: number; memory: MemoryFigures; rssMbOverTime: number[]; eventLoop: WindowFigures[] }

export type SoakResult = {
  startedAt: string
  options: Omit<SoakOptions, 'out' | 'build' | 'prepareOnly'>
  summary: SoakSummary
  targets: Target[]
  dataset: { articles: number; seconds: number; fromCache: boolean; key: string }
  build: { seconds: number | null; reused: boolean }
  servers: { instances: InstanceFigures[]; cache: string | null; readerBases: string[]; rateLimits: 'off' }
  cpu: { serverCores: number; loadGeneratorCores: number; machineCores: number; machineLoadAverage: number; loadAverageAtStart: number }
  requests: Record<string, KindFigures>
  requestsPerSecondOverTime: number[]
  readerPagesPerMinute: number[]
  openLoop: { ratePerSecond: number; sent: number; achievedPerSecond: number }
  freshness: FreshnessFigures
  draftCache: { samples: number; changed: number; examples: DraftCacheSample[] }
  sideJobs: SideJob[]
  failedRequests: number
  failures: Failure[]
  verification: Verification
  checks: Record<string, boolean>
  passed: boolean
  serverLogTail?: string
}

const verdict = (held: boolean | null) => (held == null ? '  —  ' : held ? ' 达标 ' : '未达标')
const cell = (value: number | string, width: number) => String(value).padStart(width)

/** The integrity checks: any one failing fails the soak (exit code 1). Speed figures are not among them. */
export function soakChecks(requests: Record<string, KindFigures>, verification: Verification, memory: MemoryFigures[], sideJobs: SideJob[]): Record<string, boolean> {
  const editorFailures = STATUS_CLASSES.filter((statusClass) => statusClass !== '2xx').reduce((sum, statusClass) => sum + countOf(requests, 'editor', statusClass), 0)
  return {
    '没有 5xx': countOf(requests, '', '5xx') === 0,
    '没有连接重置': countOf(requests, '', 'reset') === 0,
    '没有超时': countOf(requests, '', 'timeout') === 0,
    '没有其他网络错误': countOf(requests, '', 'network') === 0,
    '编辑的每个请求都得到确认（2xx）': editorFailures === 0,
    '每次确认过的保存都已核实': verification.savesVerified === verification.savesAcknowledged,
    '没有丢失或损坏的保存': verification.lostSaves === 0 && verification.corruptedSaves === 0,
    '每篇稿件只发布一次': verification.publishedTwice === 0,
    '读者页面显示已发布的内容': verification.readerProblems === 0,
    '内存平稳': memory.every((figures) => figures.flat),
    '导入和重建索引都成功': sideJobs.every((job) => job.exitCode === 0),
  }
}

function requestRows(result: SoakResult): string[] {
  const rows = [`  请求（全程）                ${['次数', ...STATUS_CLASSES].map((label) => cell(label, 8)).join('')}${['p50 ms', 'p95 ms', 'p99 ms', 'max ms'].map((label) => cell(label, 9)).join('')}`]
  for (const [kind, figures] of Object.entries(result.requests).sort(([a], [b]) => a.localeCompare(b))) {
    rows.push(`  ${kind.padEnd(26)}${cell(figures.requests, 8)}${STATUS_CLASSES.map((statusClass) => cell(figures.statuses[statusClass], 8)).join('')}${[figures.p50, figures.p95, figures.p99, figures.max].map((value) => cell(value.toFixed(1), 9)).join('')}`)
  }
  const cached = Object.entries(result.requests).filter(([, figures]) => Object.keys(figures.cache).length)
  const shares = (figures: KindFigures) => Object.entries(figures.cache).map(([status, count]) => `${status} ${Math.round((count / figures.requests) * 100)}%`).join(' ')
  if (cached.length) rows.push(`  页面缓存（${result.servers.cache ? 'Varnish X-Cache' : 'x-nextjs-cache'}）${cached.map(([kind, figures]) => `${kind} ${shares(figures)}`).join('；')}`)
  return rows
}

function detailRows(result: SoakResult): string[] {
  const { verification: v, freshness: f } = result
  const rows = [
    `  读者吞吐（闭环读者，每分钟页面数）：${result.readerPagesPerMinute.join('、') || '—'}；每 ${THROUGHPUT_INTERVAL_S} s 的请求/秒：${result.requestsPerSecondOverTime.join(', ')}`,
    `  读者：开环泊松到达 ${result.openLoop.ratePerSecond} 次/秒，实际 ${result.openLoop.achievedPerSecond} 次/秒（共 ${result.openLoop.sent} 次）`,
    `  CPU：服务器平均占用 ${result.cpu.serverCores} 核，压测客户端 ${result.cpu.loadGeneratorCores} 核；机器 ${result.cpu.machineCores} 核，负载均值开始 ${result.cpu.loadAverageAtStart}、结束 ${result.cpu.machineLoadAverage}`,
    `  时效：${f.changes} 次公开修改，检查 ${f.pagesChecked} 个页面，最慢 ${f.worstSeconds ?? '—'} s，p95 ${f.p95Seconds ?? '—'} s，30 s 内未更新 ${f.neverFresh} 个；${Object.entries(f.byKind).map(([kind, figures]) => `${kind} ${figures.pages} 个（最慢 ${figures.worstSeconds ?? '>30'} s）`).join('，')}`,
    `  草稿缓存抽查：${result.draftCache.samples} 次（保存前为 HIT，保存后仍为 HIT 才算未改动），改动 ${result.draftCache.changed} 次`,
  ]
  for (const job of result.sideJobs) rows.push(`  ${job.label}：${job.command}，退出码 ${job.exitCode}，用时 ${job.seconds} s`)
  for (const instance of result.servers.instances) {
    const m = instance.memory
    rows.push(
      `  实例 ${instance.url}（冷启动 ${(instance.coldStartMs / 1000).toFixed(1)} s）内存：开始 ${m.startMb} MB，峰值 ${m.peakMb} MB，结束 ${m.endMb} MB；首四分之一中位数 ${m.firstQuarterMedianMb} → 末四分之一 ${m.lastQuarterMedianMb} MB（${m.growthMb >= 0 ? '+' : ''}${m.growthMb} MB，容许 +max(${FLAT_TOLERANCE.mb} MB, ${FLAT_TOLERANCE.share * 100}%) = +${m.allowedGrowthMb} MB），斜率 ${m.slopeMbPerMinute.whole} MB/分钟`,
      `    事件循环延迟：${instance.eventLoop.map((w) => `${w.label} p99 ${w.p99Ms ?? '—'} ms（最差一秒 p99 ${w.worstIntervalP99Ms ?? '—'}，最大 ${w.maxMs ?? '—'} ms）`).join('；')}`,
    )
  }
  rows.push(
    `  保存：确认 ${v.savesAcknowledged} 次，核实 ${v.savesVerified} 次，丢失 ${v.lostSaves}，损坏 ${v.corruptedSaves}；读回 ${v.articles} 篇（已发布 ${v.publishedChecked} 篇），读者页面 ${v.readerPagesChecked} 个（问题 ${v.readerProblems}）；只发布一次检查 ${v.publishOnceChecked} 篇（重复 ${v.publishedTwice}）${v.unsettled ? `；${v.unsettled} 篇因请求无确定答复而停手（其中 ${v.unsettledApplied} 次实际已执行）` : ''}`,
  )
  for (const stale of result.freshness.stalest.filter((entry) => entry.seconds == null).slice(0, 5)) rows.push(`    未及时更新：${stale.base}${stale.path}，最后所见 ${stale.lastSeen}`)
  for (const problem of v.problems.slice(0, 10)) rows.push(`    稿件 ${problem.article}（编辑 ${problem.editor}）${problem.check}：${problem.verdict} — ${problem.detail}`)
  if (result.failedRequests) {
    // The first two of each kind of failure, so a flood of one does not hide the others.
    const shown = STATUS_CLASSES.flatMap((statusClass) => result.failures.filter((failure) => classOf(failure.status) === statusClass).slice(0, 2))
    rows.push(`  失败的请求：${result.failedRequests} 个；每类的前两个：`)
    for (const failure of shown) rows.push(`    [${failure.atSeconds.toFixed(1)} s] ${failure.method} ${failure.url} → ${failure.status}  ${failure.detail.replace(/\s+/g, ' ').slice(0, 160)}`)
  }
  return rows
}

export function soakTable(result: SoakResult): string[] {
  const { options } = result
  const where = result.servers.cache ? `经 Varnish 缓存层（${result.servers.cache}）` : '直连源站（无缓存层）'
  return [
    `浸泡测试：${options.readers} 个闭环读者 + 开环探测 ${options.rate} 次/秒 + ${options.editors} 位编辑，正式 ${options.seconds / 60} 分钟（先在同样负载下预热 ${options.warmup} s），${result.dataset.articles.toLocaleString('en-US')} 篇稿件，${options.instances} 个应用实例，读者按 ${options.popularity === 'zipf' ? '齐普夫分布' : '均匀分布'}挑选稿件，${where}`,
    `  数据：${result.dataset.fromCache ? '复制已准备的数据库' : '新生成'}，用时 ${result.dataset.seconds} s；生产构建${result.build.reused ? '沿用' : `新建，用时 ${result.build.seconds} s`}；速率限制已关闭（NEWSROOM_RATE_LIMITS=off）`,
    ...requestRows(result),
    ...detailRows(result),
    '  目标',
    ...result.targets.map((target) => `    ${verdict(target.held)}  ${target.name}：${target.value}（目标 ${target.target}）${target.integrity ? ' [完整性]' : ''}`),
    '  完整性检查',
    ...Object.entries(result.checks).map(([check, ok]) => `    ${ok ? '通过' : '失败'}  ${check}`),
    `  ${result.passed ? '通过：完整性检查全部通过（速度目标见上，只记录不判定）' : '未通过：有完整性检查失败'}`,
  ]
}
