import { createHash, randomBytes } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { buildIsStale, clearServerCaches, markBuildStart } from '../../scripts/buildState.mjs'
import { serverNodeOptions } from '../../scripts/serverOptions.mjs'
import { datasetShape } from '../dataset'
import { fillNewsroom } from './dataset'
import { type EditorFigures, measureEditors, measurePublishToVisible, type PublishToVisible, signIn, signInSigners } from './editors'
import { atFixedRate, type FixedRate, saturate, type Throughput, warm } from './load'
import { profileWrittenTo, type ProfileSummary, summariseProfile } from './profile'
import { freePort, requireCommands, sampleRss, type Server, startNginx, startServer, startVarnish } from './processes'

export type SiteBenchOptions = { size: number; seconds: number; connections: number; rate: number; spread: number; cache: boolean; build: boolean; profileOut: string | null; dir: string; databaseUri: string; log: (line: string) => void }
export type PageFigures = { paths: number; throughput: Throughput; fixedRate: FixedRate }
export type SiteBenchResult = {
  dataset: { articles: number; bylines: number; columns: number; regions: number; photos: number; seconds: number }
  build: { seconds: number | null; reused: boolean }
  coldStartMs: number
  baseline: { nextPage: PageFigures; nginx: { throughput: Throughput } }
  origin: Record<string, PageFigures>
  cache: Record<string, PageFigures> | null
  peakRssMb: number
  rssByPhaseMb: Record<string, number>
  editors: EditorFigures
  publishToVisible: PublishToVisible
  articleProfile: ProfileSummary | null
}

const SETTLE_MS = 2_000
// Enough URLs to spread the load; warming all 2,000 of a full run would dominate the profile's length.
const PROFILED_PATHS = 100
export const SEARCH_WORDS = ['发展', '社区', '服务', '治理', '产业', '科技', '网格', '党建']
const BIN = (name: string) => path.resolve('node_modules', '.bin', name)
const BASELINE_DIR = path.resolve('bench', 'baseline-next')
const SERVER_SCRIPT = path.resolve('scripts', 'server.mjs')

function nextBuild(cwd: string, env: NodeJS.ProcessEnv, args: string[] = []): number {
  const started = performance.now()
  const built = markBuildStart(cwd)
  const result = spawnSync(BIN('next'), ['build', ...args], { cwd, env: { ...env, NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`next build（${cwd}）失败：\n${result.stdout}\n${result.stderr}`)
  built()
  return (performance.now() - started) / 1000
}

/** The production build in the working directory: reused unless stale (or `force`), otherwise built and timed. */
export function ensureProductionBuild(force: boolean, log: (line: string) => void): { seconds: number | null; reused: boolean } {
  const reused = !force && !buildIsStale(process.cwd())
  log(reused ? '沿用现有的生产构建（--build 可强制重新构建并计时）' : '正在构建生产版本（next build）…')
  const seconds = reused ? null : nextBuild(process.cwd(), { ...process.env, NODE_ENV: 'production' })
  return { seconds: seconds == null ? null : Math.round(seconds * 10) / 10, reused }
}

/** The environment of the app's production server on a bench database. */
export function originEnv(databaseUri: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    // As `npm start` runs it, not with the bench's own options (--conditions=development).
    NODE_OPTIONS: serverNodeOptions(),
    DATABASE_URI: databaseUri,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? randomBytes(24).toString('hex'),
    NEWSROOM_SEED: 'off',
    // The bench's and the soak's readers are one client; the per-address limits would measure themselves.
    NEWSROOM_RATE_LIMITS: 'off',
    ...extra,
  }
}

/**
 * The production server (scripts/server.mjs, as `npm start` runs it) on loopback, with no
 * cached page or read left from another database (as `npm start` does). A further instance on
 * the same build keeps the caches the first one is using.
 */
export async function startOrigin(port: number, env: NodeJS.ProcessEnv, options: { clearCaches?: boolean } = {}): Promise<Server & { readyMs: number }> {
  if (options.clearCaches ?? true) clearServerCaches(process.cwd())
  return startServer('server', port, process.execPath, [SERVER_SCRIPT, '--hostname', '127.0.0.1', '--port', String(port)], { env, timeoutMs: 180_000 })
}

/** The baseline app is rebuilt only when the article bytes it prerenders changed. */
function buildBaseline(html: string, dir: string): void {
  const file = path.join(dir, 'baseline-article.html')
  const stamp = path.join(BASELINE_DIR, '.next', 'bench-article.sha256')
  const digest = createHash('sha256').update(html).digest('hex')
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) return
  fs.writeFileSync(file, html)
  // webpack: Turbopack takes the repository as its root and would compile our instrumentation.ts into the baseline.
  nextBuild(BASELINE_DIR, { ...process.env, NODE_ENV: 'production', BASELINE_HTML: file }, ['--webpack'])
  fs.writeFileSync(stamp, digest)
}

function sample<T>(values: T[], count: number): T[] {
  if (values.length <= count) return values
  const step = values.length / count
  return Array.from({ length: count }, (_, index) => values[Math.floor(index * step)])
}

async function measurePages(server: string, paths: string[], options: SiteBenchOptions): Promise<PageFigures> {
  const failures = await warm(server, paths)
  if (failures > 0) options.log(`  ⚠ 预热时 ${failures} 个地址未返回 200`)
  const throughput = saturate(server, paths, { connections: options.connections, seconds: options.seconds })
  // The saturation run leaves a queue and garbage behind; latency is measured once they are gone.
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS))
  const fixedRate = atFixedRate(server, paths, { rate: options.rate, seconds: options.seconds })
  return { paths: paths.length, throughput, fixedRate }
}

/** Every kind of reader page, one after another, against one server. */
async function measureEveryKind(server: string, label: string, pageSets: Record<string, string[]>, options: SiteBenchOptions, phase: (label: string) => void): Promise<Record<string, PageFigures>> {
  const figures: Record<string, PageFigures> = {}
  for (const [kind, paths] of Object.entries(pageSets)) {
    options.log(`  ${label}：${kind}（${paths.length} 个地址）`)
    phase(`${label}：${kind}`)
    figures[kind] = await measurePages(server, paths, options)
  }
  return figures
}

/**
 * Where the origin's time goes when serving article pages: a second origin under V8's
 * sampling profiler, warmed, then saturated; start-up and warming are left out of the summary.
 */
async function profileArticlePages(env: NodeJS.ProcessEnv, paths: string[], options: SiteBenchOptions & { profileOut: string }): Promise<ProfileSummary> {
  const dir = path.join(options.dir, 'profile')
  fs.mkdirSync(dir, { recursive: true })
  const port = await freePort()
  const spawned = performance.now()
  let loadFrom: number
  // The profile is written as the process exits, which takes a while for a long one.
  const server = await startServer('profiled server', port, process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, SERVER_SCRIPT, '--port', String(port)], { env, timeoutMs: 180_000, exitGraceMs: 120_000 })
  try {
    await warm(server.url, paths)
    loadFrom = performance.now() - spawned
    saturate(server.url, paths, { connections: options.connections, seconds: options.seconds })
  } finally {
    await server.stop()
  }
  fs.mkdirSync(path.dirname(options.profileOut), { recursive: true })
  fs.copyFileSync(profileWrittenTo(dir), options.profileOut)
  return summariseProfile(options.profileOut, loadFrom)
}

/**
 * The reader site and the editors' API under load: a generated newsroom, the production
 * build serving it, the two baselines (a minimal Next.js page and nginx with the same
 * article bytes), and with `cache` Varnish in front using the repository's VCL.
 */
export async function runSiteBench(payload: Payload, options: SiteBenchOptions): Promise<SiteBenchResult> {
  requireCommands(['wrk', 'nginx', ...(options.cache ? ['varnishd'] : [])])
  const { log } = options
  log(`正在生成读者站点数据（${options.size} 篇稿件）…`)
  const dataset = await fillNewsroom(payload, datasetShape(options.size), log)

  const build = ensureProductionBuild(options.build, log)

  const servers: Server[] = []
  try {
    const originPort = await freePort()
    const cachePort = options.cache ? await freePort() : null
    const env = originEnv(options.databaseUri, cachePort ? { CACHE_PURGE_URL: `http://127.0.0.1:${cachePort}/` } : {})
    const origin = await startOrigin(originPort, env)
    servers.push(origin)
    log(`服务器冷启动 ${origin.readyMs} ms`)
    const rss = sampleRss(origin.pid)

    const articlePaths = sample(dataset.paths.articles, options.spread)
    const articleHtml = await (await fetch(`${origin.url}${articlePaths[0]}`)).text()
    const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(articleHtml)?.[1] ?? articleHtml
    log('正在构建基线：最小 Next.js 页面…')
    buildBaseline(main, options.dir)
    const baselinePort = await freePort()
    const nextPage = await startServer('baseline next start', baselinePort, BIN('next'), ['start', '--port', String(baselinePort)], { cwd: BASELINE_DIR, env: { ...process.env, NODE_ENV: 'production', NODE_OPTIONS: serverNodeOptions() } })
    servers.push(nextPage)
    const nginx = await startNginx(path.join(options.dir, 'nginx'), articleHtml)
    servers.push(nginx)
    const baseline = { nextPage: await measurePages(nextPage.url, ['/'], options), nginx: { throughput: saturate(nginx.url, ['/'], { connections: options.connections, seconds: options.seconds }) } }
    await nextPage.stop()
    await nginx.stop()

    const pageSets: Record<string, string[]> = {
      article: articlePaths,
      home: ['/'],
      channel: dataset.paths.channels,
      column: dataset.paths.columns,
      byline: sample(dataset.paths.bylines, 100),
      region: dataset.paths.regions,
      feed: ['/rss.xml', '/atom.xml'],
      sitemap: ['/sitemap.xml'],
      search: SEARCH_WORDS.map((word) => `/search?q=${encodeURIComponent(word)}`),
    }
    const originFigures = await measureEveryKind(origin.url, '源站', pageSets, options, rss.phase)

    let cacheFigures: Record<string, PageFigures> | null = null
    let cacheUrl: string | null = null
    if (cachePort) {
      const varnish = await startVarnish(path.join(options.dir, 'varnish'), originPort, cachePort)
      servers.push(varnish)
      cacheUrl = varnish.url
      cacheFigures = await measureEveryKind(varnish.url, '缓存层', pageSets, options, rss.phase)
    }

    log('编辑操作…')
    rss.phase('编辑操作')
    const token = await signIn(origin.url)
    const editors = await measureEditors(origin.url, token, dataset.articleIds, Math.max(10, options.seconds * 5))
    const publishToVisible = await measurePublishToVisible(origin.url, cacheUrl, token, await signInSigners(origin.url))
    const { peakMb: peakRssMb, byPhase: rssByPhaseMb } = rss.stop()
    let articleProfile: ProfileSummary | null = null
    if (options.profileOut) {
      log('剖析源站稿件页（node --cpu-prof）…')
      for (const server of servers) await server.stop()
      // A profile that could not be taken must not cost the figures already measured.
      articleProfile = await profileArticlePages(env, sample(articlePaths, PROFILED_PATHS), { ...options, profileOut: options.profileOut }).catch((error: unknown) => {
        log(`  ⚠ 剖析失败：${error instanceof Error ? error.message : String(error)}`)
        return null
      })
    }
    return {
      dataset: { ...dataset.shape, seconds: Math.round(dataset.milliseconds / 100) / 10 },
      build,
      coldStartMs: origin.readyMs,
      baseline,
      origin: originFigures,
      cache: cacheFigures,
      peakRssMb,
      rssByPhaseMb,
      editors,
      publishToVisible,
      articleProfile,
    }
  } finally {
    for (const server of servers.reverse()) await server.stop()
  }
}
