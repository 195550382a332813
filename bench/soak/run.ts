// npm run soak -- [--seconds 60] [--warmup 60] [--readers 200] [--editors 6] [--size 500] [--build] [--out FILE]
// Readers and editors together against the production build on loopback for a while, then
// every acknowledged save read back; exits non-zero unless there was no 5xx, no failed request,
// no lost or corrupted save, and the server's memory stayed flat. Writes bench/results/soak-latest.json.
import { BENCH_DIR, DATABASE_FILE } from '../workspace'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { passwordProblem } from '../../src/security/passwordPolicy'
import { datasetShape } from '../dataset'
import { BENCH_EDITOR, fillNewsroom } from '../site/dataset'
import { signIn } from '../site/editors'
import { warm } from '../site/load'
import { freePort, sampleRss, type Server, treeCpuSeconds } from '../site/processes'
import { ensureProductionBuild, originEnv, SEARCH_WORDS, startOrigin } from '../site/run'
import { type EditorAccount, prepareEditor, runEditor } from './editors'
import { memoryFigures } from './memory'
import { runReaders, type ReaderPaths } from './readers'
import { soakChecks, type SoakResult, soakTable } from './report'
import { Tally, THROUGHPUT_INTERVAL_S } from './tally'
import { verifySaves } from './verify'

type Options = { seconds: number; warmup: number; readers: number; editors: number; size: number; build: boolean; out: string }
const LIMITS: Record<'seconds' | 'warmup' | 'readers' | 'editors' | 'size', [number, number]> = { seconds: [5, 3_600], warmup: [0, 600], readers: [1, 2_000], editors: [1, 50], size: [50, 100_000] }
/** Published articles each editor works on from the start; it creates more as it goes. */
const ARTICLES_PER_EDITOR = 6
/**
 * Under this load the server's memory climbs for about the first 50 s while V8 grows its heap
 * towards the cap (scripts/serverOptions.mjs), then holds (a 240 s run: first half +43 MB/min,
 * second half +0.5); measured from 10 s in, a minute saw that growth, not a leak.
 */
const WARMUP_SECONDS = 60
const SOAK_PASSWORD = 'loopback-soak-passphrase-2026'

function parseOptions(argv: string[]): Options {
  const options: Options = { seconds: 60, warmup: WARMUP_SECONDS, readers: 200, editors: 6, size: 500, build: false, out: path.resolve('bench', 'results', 'soak-latest.json') }
  for (let index = 0; index < argv.length; index += 1) {
    const name = argv[index].replace(/^--/, '')
    if (name === 'build') options.build = true
    else if (name === 'out' && argv[index + 1]) options.out = path.resolve(argv[++index])
    else if (name in LIMITS) {
      const [low, high] = LIMITS[name as keyof typeof LIMITS]
      const value = Number(argv[++index])
      if (!Number.isInteger(value) || value < low || value > high) throw new Error(`--${name} 必须是 ${low} 到 ${high} 之间的整数`)
      options[name as keyof typeof LIMITS] = value
    } else throw new Error(`不认识的参数 ${argv[index]}（可用：${Object.keys(LIMITS).map((key) => `--${key} N`).join(' ')} --build --out FILE）`)
  }
  if (options.size < options.editors * ARTICLES_PER_EDITOR) throw new Error(`--size 至少要有 ${options.editors * ARTICLES_PER_EDITOR} 篇（每位编辑 ${ARTICLES_PER_EDITOR} 篇）`)
  return options
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const seconds = (ms: number) => Math.round(ms / 100) / 10
const log = (line: string) => console.log(line)

/** The server's lines that say something went wrong, for the report of a failed soak. */
function serverLogExcerpt(output: string): string {
  const lines = output.split('\n').filter((line) => /error|⨯|warn|exception|SQLITE|fail/i.test(line))
  return (lines.length ? lines.slice(-40) : output.split('\n').slice(-40)).join('\n')
}

const options = parseOptions(process.argv.slice(2))
const startedAt = new Date().toISOString()
const accounts: EditorAccount[] = Array.from({ length: options.editors }, (_, index) => ({ email: `soak-editor-${index + 1}@bench.local`, password: SOAK_PASSWORD }))
for (const account of accounts) {
  const problem = passwordProblem(account.password, account)
  if (problem) throw new Error(`浸泡测试编辑的密码不符合密码规则：${problem}`)
}

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
let server: (Server & { readyMs: number }) | null = null
let exitCode = 1
try {
  log(`正在生成数据（${options.size} 篇稿件）…`)
  const dataset = await fillNewsroom(payload, datasetShape(options.size), log)
  for (const [index, account] of accounts.entries()) await payload.create({ collection: 'users', data: { ...account, name: `浸泡测试编辑${index + 1}`, role: 'editor' } as never })
  // The server is the only writer from here on, as in production.
  await payload.destroy()

  const build = ensureProductionBuild(options.build, log)
  const port = await freePort()
  server = await startOrigin(port, originEnv(`file:${DATABASE_FILE}`))
  log(`服务器 ${server.url} 冷启动 ${server.readyMs} ms；速率限制已关闭（NEWSROOM_RATE_LIMITS=off），${options.readers} 个读者来自同一地址`)

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
  const unwarmed = await warm(server.url, Object.values(paths).flat())
  if (unwarmed) log(`  ⚠ 预热时 ${unwarmed} 个地址未返回 200`)
  const editors = await Promise.all(
    accounts.map((account, index) => {
      const own = Array.from({ length: ARTICLES_PER_EDITOR }, (_, turn) => index + turn * options.editors)
      return prepareEditor(server!.url, index + 1, account, own.map((at) => ({ id: dataset.articleIds[at], path: dataset.paths.articles[at] })))
    }),
  )

  log(`负载：${options.readers} 个读者 + ${options.editors} 位编辑，预热 ${options.warmup} s，正式 ${options.seconds} s…`)
  const rss = sampleRss(server.pid, 1_000)
  rss.phase('warm-up')
  const tally = new Tally()
  const cpuBefore = { server: treeCpuSeconds(server.pid), own: process.cpuUsage() }
  const loadStarted = performance.now()
  const deadline = loadStarted + (options.warmup + options.seconds) * 1000
  const warmupOver = setTimeout(() => rss.phase('soak'), options.warmup * 1000)
  const progress = setInterval(() => log(`  ${seconds(performance.now() - loadStarted)} s：${Object.values(tally.figures()).reduce((sum, kind) => sum + kind.requests, 0)} 个请求，${tally.failureCount} 个失败`), 15_000)
  await Promise.all([runReaders(server.url, paths, { readers: options.readers, deadline, tally }), ...editors.map((editor) => runEditor(editor, { deadline, tally }))])
  clearInterval(progress)
  clearTimeout(warmupOver)
  const loadSeconds = (performance.now() - loadStarted) / 1000
  const ownCpu = process.cpuUsage(cpuBefore.own)
  // Cores busy on average: whether the server or the soak's own client ran out of CPU, and what else the shared machine ran meanwhile.
  const cpu = {
    serverCores: Math.round(((treeCpuSeconds(server.pid) - cpuBefore.server) / loadSeconds) * 100) / 100,
    loadGeneratorCores: Math.round(((ownCpu.user + ownCpu.system) / 1e6 / loadSeconds) * 100) / 100,
    machineCores: os.cpus().length,
    machineLoadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  }
  const { series } = rss.stop()
  const memory = memoryFigures(series.filter((sample) => sample.phase === 'soak'))

  log('核对每一次确认过的保存…')
  await sleep(1_000)
  const verification = await verifySaves(server.url, await signIn(server.url, BENCH_EDITOR), editors.flatMap((editor) => editor.articles))
  const requests = tally.figures()
  const checks = soakChecks(requests, verification, memory)
  const passed = Object.values(checks).every(Boolean)
  const result: SoakResult = {
    startedAt,
    options: { seconds: options.seconds, warmup: options.warmup, readers: options.readers, editors: options.editors, size: options.size },
    dataset: { articles: dataset.shape.articles, seconds: seconds(dataset.milliseconds) },
    build,
    server: { url: server.url, coldStartMs: server.readyMs, rateLimits: 'off' },
    cpu,
    requests,
    requestsPerSecondOverTime: tally.finishedPerInterval.map((count) => Math.round(count / THROUGHPUT_INTERVAL_S)),
    failedRequests: tally.failureCount,
    failures: tally.failures,
    verification,
    memory,
    rssMbOverTime: series.filter((sample) => sample.phase === 'warm-up' || sample.phase === 'soak').map((sample) => sample.mb),
    checks,
    passed,
    ...(passed ? {} : { serverLogTail: serverLogExcerpt(server.output()) }),
  }
  fs.mkdirSync(path.dirname(options.out), { recursive: true })
  fs.writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`)
  log(soakTable(result).join('\n'))
  if (result.serverLogTail) log(`服务器日志摘录：\n${result.serverLogTail}`)
  log(`结果已写入 ${path.relative(process.cwd(), options.out)}`)
  exitCode = passed ? 0 : 1
} catch (error) {
  console.error('浸泡测试中途失败：', error)
  if (server) console.error(`服务器日志摘录：\n${serverLogExcerpt(server.output())}`)
} finally {
  await server?.stop()
  fs.rmSync(BENCH_DIR, { recursive: true, force: true })
}
process.exit(exitCode)
