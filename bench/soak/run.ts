// npm run soak -- [--minutes 10 | --seconds N] [--warmup 60] [--readers 200] [--editors 12] [--size 10000] [--rate 100] [--instances 1|2] [--cache] [--build] [--prepare-only] [--out FILE]
// A newsroom's day, compressed: readers arriving open-loop (Poisson, --rate pages a second in
// all: the latency readers feel and the throughput), editors autosaving every 3 s, saving, publishing,
// a print page imported and the search index rebuilt meanwhile, against the production build
// (one or two instances on one SQLite file, optionally behind Varnish). Then every acknowledged
// save is read back. Writes bench/results/soak-latest.json (with `summary`); exits non-zero
// when an integrity check fails. Speed figures are printed, never asserted.
import { BENCH_DIR, DATABASE_FILE } from '../workspace'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { passwordProblem } from '@/security/passwordPolicy'
import { datasetShape } from '../dataset'
import { seededRandom } from '../seededRandom'
import { BENCH_EDITOR } from '../site/dataset'
import { signIn, signInSigners } from '../site/editors'
import { warm } from '../site/load'
import { freePort, requireCommands, sampleRss, type Server, startVarnish, treeCpuSeconds } from '../site/processes'
import { ensureProductionBuild, originEnv, SEARCH_WORDS, startOrigin } from '../site/run'
import { type DraftCacheSample, type EditorWatch, prepareEditor, runEditor } from './editors'
import { readEventLoopLines, type Window, windowFigures } from './eventLoop'
import { FreshnessWatch } from './freshness'
import { memoryFigures } from './memory'
import { ARTICLES_PER_EDITOR, MAX_EDITORS, parseSoakOptions } from './options'
import { type EditorAccount, prepareDataset } from './preparedDataset'
import { pathPicker, runReaders, type ReaderPaths } from './readers'
import { type InstanceFigures, soakChecks, type SoakResult, soakTable } from './report'
import { runSideJob, type SideJob, type SideJobLabel } from './sideJobs'
import { countOf, soakSummary, soakTargets } from './summary'
import { perMinute, STATUS_CLASSES, Tally, THROUGHPUT_INTERVAL_S, throughputRatio } from './tally'
import { verifySaves } from './verify'

const SOAK_PASSWORD = 'loopback-soak-passphrase-2026'
/** When, as a share of the measured soak, the print page is imported and the search index rebuilt. */
const SIDE_JOBS_AT: Record<SideJobLabel, number> = { import: 0.4, 'search rebuild': 0.7 }
/** How long a public change may take to show before the soak stops polling (the target is 5 s). */
const FRESHNESS_LIMIT_S = 30
/** How long after the deadline the load may take to wind down (requests time out after 10 s) before the soak names who is stuck and goes on. */
const LOAD_GRACE_MS = 45_000
/** Article pages rendered before the load starts (besides the editors' own). */
const WARMED_ARTICLES = 500

/** Thrown to leave the run after the dataset when --prepare-only asks for nothing more. */
const PREPARED_ONLY = Symbol('prepare-only')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => Math.round(ms / 100) / 10
const log = (line: string) => console.log(line)

/** The server's lines that say something went wrong, for the report of a failed soak. */
function serverLogExcerpt(output: string): string {
  const lines = output.split('\n').filter((line) => /error|⨯|warn|exception|SQLITE|fail|读者请求超出|渲染超过/i.test(line))
  return (lines.length ? lines.slice(-40) : output.split('\n').slice(-40)).join('\n')
}

const options = parseSoakOptions(process.argv.slice(2))
const startedAt = new Date().toISOString()
const loadAverageAtStart = Math.round(os.loadavg()[0] * 100) / 100
// Every account the flags allow is in the prepared database, so one database serves any --editors.
const accounts: EditorAccount[] = Array.from({ length: MAX_EDITORS }, (_, index) => ({ email: `soak-editor-${index + 1}@bench.local`, password: SOAK_PASSWORD, name: '浸泡测试编辑' }))
for (const account of accounts) {
  const problem = passwordProblem(account.password, account)
  if (problem) throw new Error(`浸泡测试编辑的密码不符合密码规则：${problem}`)
}
if (options.cache) requireCommands(['varnishd'])

const servers: (Server & { readyMs?: number })[] = []
let exitCode = 1
try {
  const prepared = await prepareDataset(datasetShape(options.size), accounts, log)
  const { dataset } = prepared
  if (options.prepareOnly) {
    exitCode = 0
    throw PREPARED_ONLY
  }
  const build = ensureProductionBuild(options.build, log)

  const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()))
  const cachePort = options.cache ? await freePort() : null
  const statsFiles = ports.map((port) => path.join(BENCH_DIR, `event-loop-${port}.jsonl`))
  const instances: (Server & { readyMs: number })[] = []
  for (const [index, port] of ports.entries()) {
    const peers = ports.filter((other) => other !== port).map((other) => `http://127.0.0.1:${other}`)
    const env = originEnv(`file:${DATABASE_FILE}`, {
      NEWSROOM_EVENT_LOOP_STATS: statsFiles[index],
      ...(cachePort ? { CACHE_PURGE_URL: `http://127.0.0.1:${cachePort}/` } : {}),
      ...(peers.length ? { NEWSROOM_PEERS: peers.join(',') } : {}),
    })
    const instance = await startOrigin(port, env, { clearCaches: index === 0 })
    instances.push(instance)
    servers.push(instance)
    log(`应用实例 ${instance.url} 冷启动 ${instance.readyMs} ms`)
  }
  const varnish = cachePort ? await startVarnish(path.join(BENCH_DIR, 'varnish'), ports, cachePort) : null
  if (varnish) servers.push(varnish)
  const readerBases = varnish ? [varnish.url] : instances.map((instance) => instance.url)
  log(`读者经 ${readerBases.join('、')}；速率限制已关闭（NEWSROOM_RATE_LIMITS=off），读者都来自同一地址`)

  const paths: ReaderPaths = {
    article: dataset.paths.articles,
    home: ['/'],
    column: dataset.paths.columns,
    region: dataset.paths.regions,
    byline: dataset.paths.bylines,
    search: [...SEARCH_WORDS, 'soak'].map((word) => `/search?q=${encodeURIComponent(word)}`),
    feed: ['/rss.xml', '/atom.xml'],
    sitemap: ['/sitemap.xml'],
  }
  const warmStarted = performance.now()
  // Every list page, and the articles editors work on with a sample of the rest: rendering all
  // 10,000 article pages first would take minutes, and readers meet cold ones all day anyway.
  const warmPaths = [...new Set([...Object.values({ ...paths, article: [] }).flat(), ...dataset.paths.articles.slice(0, options.editors * ARTICLES_PER_EDITOR), ...dataset.paths.articles.filter((_, index) => index % Math.max(1, Math.floor(dataset.paths.articles.length / WARMED_ARTICLES)) === 0)])]
  for (const base of readerBases) {
    const unwarmed = await warm(base, warmPaths, 8)
    if (unwarmed) log(`  ⚠ 预热 ${base} 时 ${unwarmed} 个地址未返回 200`)
  }
  log(`预热 ${warmPaths.length} 个地址 × ${readerBases.length}，用时 ${seconds(performance.now() - warmStarted)} s`)
  const editors = await Promise.all(
    accounts.slice(0, options.editors).map((account, index) => {
      const own = Array.from({ length: ARTICLES_PER_EDITOR }, (_, turn) => index + turn * options.editors)
      return prepareEditor(instances[index % instances.length].url, readerBases[index % readerBases.length], index + 1, account, own.map((at) => ({ id: dataset.articleIds[at], path: dataset.paths.articles[at] })))
    }),
  )

  // One sign-in per signer serves every editor, on every instance (they share the database and the secret).
  const signers = await signInSigners(instances[0].url)

  log(`负载：${options.readers} 个读者（开环泊松到达，共 ${options.rate} 次/秒）+ ${options.editors} 位编辑，预热 ${options.warmup} s，正式 ${options.seconds} s…`)
  const rss = instances.map((instance) => sampleRss(instance.pid, 1_000))
  for (const sampler of rss) sampler.phase('warm-up')
  const tally = new Tally()
  const freshness = new FreshnessWatch(readerBases)
  const draftSamples: DraftCacheSample[] = []
  const watch: EditorWatch = { onPublicChange: (change) => freshness.follow(change), onDraftCacheSample: (sample) => draftSamples.push(sample), publicActivity: { started: 0, settled: 0 } }
  const cpuBefore = { servers: instances.map((instance) => treeCpuSeconds(instance.pid)), own: process.cpuUsage() }
  const loadStarted = performance.now()
  const wallStarted = Date.now()
  const soakFrom = wallStarted + options.warmup * 1000
  const deadline = loadStarted + (options.warmup + options.seconds) * 1000
  const timers = [setTimeout(() => rss.forEach((sampler) => sampler.phase('soak')), options.warmup * 1000)]
  const sideJobs: Promise<SideJob>[] = []
  for (const [label, share] of Object.entries(SIDE_JOBS_AT) as [SideJobLabel, number][]) {
    const at = (options.warmup + options.seconds * share) * 1000
    sideJobs.push(new Promise((resolve) => timers.push(setTimeout(() => resolve(runSideJob(label, { ...process.env, NEWSROOM_SEED: 'off' })), at))))
  }
  const progress = setInterval(() => {
    const classes = Object.fromEntries(STATUS_CLASSES.map((statusClass) => [statusClass, countOf(tally.figures(), '', statusClass)]))
    log(`  ${seconds(performance.now() - loadStarted)} s：${Object.entries(classes).map(([statusClass, count]) => `${statusClass} ${count}`).join('，')}${tally.failures.length ? `；最近的失败：${tally.failures.at(-1)!.kind} ${tally.failures.at(-1)!.status} ${tally.failures.at(-1)!.detail.slice(0, 80)}` : ''}`)
  }, 30_000)
  // Who is still at work: a participant that never finishes is named instead of hanging the soak.
  const pending = new Set<string>()
  const participant = <T>(name: string, work: Promise<T>) => {
    pending.add(name)
    return work.finally(() => pending.delete(name))
  }
  const pickPath = pathPicker(paths, options.popularity)
  const readerRun = participant('readers', runReaders(readerBases, pickPath, { readers: options.readers, ratePerSecond: options.rate, deadline, tally }))
  const load = Promise.all([
    readerRun,
    ...editors.map((editor) => participant(`editor ${editor.index}`, runEditor(editor, { deadline, tally, watch, random: seededRandom(1_000 + editor.index), signers }))),
  ])
  const finished = await Promise.race([load.then(() => true), sleep((options.warmup + options.seconds) * 1000 + LOAD_GRACE_MS).then(() => false)])
  if (!finished) log(`  ⚠ 负载结束 ${LOAD_GRACE_MS / 1000} s 后仍未收尾：${[...pending].join('、')}`)
  const arrivals = finished ? await readerRun : { sent: 0 }
  const wallEnded = Date.now()
  clearInterval(progress)
  const loadSeconds = (performance.now() - loadStarted) / 1000
  const ownCpu = process.cpuUsage(cpuBefore.own)
  // Cores busy on average: whether the servers or the soak's own client ran out of CPU, and what else the shared machine ran meanwhile.
  const serverCpuSeconds = instances.reduce((sum, instance, index) => sum + treeCpuSeconds(instance.pid) - cpuBefore.servers[index], 0)
  const cpu = {
    serverCores: Math.round((serverCpuSeconds / loadSeconds) * 100) / 100,
    loadGeneratorCores: Math.round(((ownCpu.user + ownCpu.system) / 1e6 / loadSeconds) * 100) / 100,
    machineCores: os.cpus().length,
    machineLoadAverage: Math.round(os.loadavg()[0] * 100) / 100,
    loadAverageAtStart,
  }
  log('等待导入、重建索引结束…')
  const jobs = await Promise.all(sideJobs)
  timers.forEach(clearTimeout)
  const windows: Window[] = [{ label: '正式浸泡', from: soakFrom, to: wallEnded }, ...jobs.map((job) => ({ label: job.label, from: job.from, to: job.to }))]
  const instanceFigures: InstanceFigures[] = instances.map((instance, index) => {
    const { series } = rss[index].stop()
    const lines = readEventLoopLines(statsFiles[index])
    return {
      url: instance.url,
      coldStartMs: instance.readyMs,
      memory: memoryFigures(series.filter((sample) => sample.phase === 'soak')),
      rssMbOverTime: series.filter((sample) => sample.phase === 'warm-up' || sample.phase === 'soak').map((sample) => sample.mb),
      eventLoop: windows.map((window) => windowFigures(lines, window)),
    }
  })

  log('等待时效检查结束，再核对每一次确认过的保存…')
  const freshnessFigures = await freshness.figures()
  await sleep(1_000)
  const verification = await verifySaves(instances[0].url, await signIn(instances[0].url, BENCH_EDITOR), editors.flatMap((editor) => editor.articles))
  const requests = tally.figures()
  const changed = draftSamples.filter((sample) => sample.after !== 'HIT')
  const eventLoopP99s = instanceFigures.flatMap((instance) => instance.eventLoop.map((window) => window.p99Ms ?? 0))
  const peakRssMb = Math.max(...instanceFigures.map((instance) => instance.memory.peakMb))
  const summary = soakSummary({ requests, throughputRatio: throughputRatio(perMinute(tally.readerPagesPerInterval, loadSeconds)), eventLoopP99Ms: eventLoopP99s.length ? Math.max(...eventLoopP99s) : null, freshness: freshnessFigures, freshnessLimitS: FRESHNESS_LIMIT_S, verification, peakRssMb })
  const checks: Record<string, boolean> = { ...soakChecks(requests, verification, instanceFigures.map((instance) => instance.memory), jobs), '负载按时收尾（没有卡住的请求）': finished }
  const passed = Object.values(checks).every(Boolean)
  const result: SoakResult = {
    startedAt,
    options: { seconds: options.seconds, warmup: options.warmup, readers: options.readers, editors: options.editors, size: options.size, rate: options.rate, instances: options.instances, popularity: options.popularity, cache: options.cache },
    summary,
    targets: soakTargets(summary, { memoryFlat: checks['内存平稳'], draftCacheChanges: changed.length, draftCacheSamples: draftSamples.length, publishedTwice: verification.publishedTwice, atOrigin: !varnish }),
    dataset: { articles: dataset.shape.articles, seconds: prepared.seconds, fromCache: prepared.fromCache, key: prepared.key },
    build,
    servers: { instances: instanceFigures, cache: varnish?.url ?? null, readerBases, rateLimits: 'off' },
    cpu,
    requests,
    requestsPerSecondOverTime: tally.finishedPerInterval.map((count) => Math.round(count / THROUGHPUT_INTERVAL_S)),
    readerPagesPerMinute: perMinute(tally.readerPagesPerInterval, loadSeconds),
    openLoop: { ratePerSecond: options.rate, sent: arrivals.sent, achievedPerSecond: Math.round((arrivals.sent / loadSeconds) * 10) / 10 },
    freshness: freshnessFigures,
    draftCache: { samples: draftSamples.length, changed: changed.length, examples: changed.slice(0, 10) },
    sideJobs: jobs,
    failedRequests: tally.failureCount,
    failures: tally.failures,
    verification,
    checks,
    passed,
    ...(passed ? {} : { serverLogTail: instances.map((instance) => serverLogExcerpt(instance.output())).join('\n----\n') }),
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true })
  fs.writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`)
  log(soakTable(result).join('\n'))
  if (result.serverLogTail) log(`服务器日志摘录：\n${result.serverLogTail}`)
  log(`结果已写入 ${path.relative(process.cwd(), options.out)}`)
  exitCode = passed ? 0 : 1
} catch (error) {
  if (error === PREPARED_ONLY) log('数据库已准备好（--prepare-only），未运行负载')
  else console.error('浸泡测试中途失败：', error)
  for (const server of servers) console.error(`${server.name} 日志摘录：\n${serverLogExcerpt(server.output())}`)
} finally {
  for (const server of servers.reverse()) await server.stop()
  fs.rmSync(BENCH_DIR, { recursive: true, force: true })
}
process.exit(exitCode)
