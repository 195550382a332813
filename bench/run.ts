// npm run bench -- [--quick] [--size N] [--cache] [--build] [--profile] [--only site|admin|search|import|proofread] [--out FILE]
// Builds a realistic dataset in a temporary database, measures, prints a table with each
// figure beside its target, and writes bench/results/latest.json.
import { BENCH_DIR, DATABASE_FILE } from './workspace'

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { type AdminListBenchResult, runAdminListBench } from './adminList'
import { type ImportBenchResult, runImportBench } from './importing'
import { importCorpusTable, runImportCorpus } from './import-corpus/evaluate'
import { proofreadingTable, runProofreadingBench } from './proofreading/evaluate'
import { runSearchBench, type SearchBenchResult } from './search'
import { runSiteBench } from './site/run'
import { siteTable } from './site/table'

type Options = { size: number; quick: boolean; smoke: boolean; cache: boolean; build: boolean; profile: boolean; only: string | null; out: string }
const PARTS = ['site', 'admin', 'search', 'import', 'proofread']

function parseOptions(argv: string[]): Options {
  const options: Options = { size: 10_000, quick: false, smoke: false, cache: false, build: false, profile: false, only: null, out: path.resolve('bench', 'results', 'latest.json') }
  let sizeGiven = false
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]
    const value = () => {
      const next = argv[++index]
      if (next === undefined) throw new Error(`参数 ${arg} 需要一个值`)
      return next
    }
    if (arg === '--quick') options.quick = true
    else if (arg === '--smoke') options.smoke = true
    else if (arg === '--cache') options.cache = true
    else if (arg === '--build') options.build = true
    else if (arg === '--profile') options.profile = true
    else if (arg === '--size') {
      options.size = Number(value())
      sizeGiven = true
      if (!Number.isInteger(options.size) || options.size < 10 || options.size > 1_000_000) throw new Error('--size 必须是 10 到 1000000 之间的整数')
    } else if (arg === '--only') {
      options.only = value()
      if (!PARTS.includes(options.only)) throw new Error(`--only 只能是 ${PARTS.join('、')} 之一`)
    }
    else if (arg === '--out') options.out = path.resolve(value())
    else throw new Error(`不认识的参数 ${arg}（可用：--quick --smoke --size N --cache --build --profile --only site|admin|search|import|proofread --out FILE）`)
  }
  if (options.smoke && !sizeGiven) options.size = 30
  else if (options.quick && !sizeGiven) options.size = 2_000
  return options
}

const SEARCH_P95_TARGET_MS = 50
const PARSE_TARGET_PAGES_PER_SECOND = 200
const ADMIN_LIST_P95_TARGET_MS = 150

function adminListTable(result: AdminListBenchResult): string[] {
  const row = (label: string, figures: AdminListBenchResult['editor']) =>
    `  ${label}  p50 ${figures.p50} ms，p95 ${figures.p95} ms，p99 ${figures.p99} ms（${figures.requests} 次）   目标 p95 < ${ADMIN_LIST_P95_TARGET_MS}（${figures.p95 < ADMIN_LIST_P95_TARGET_MS ? '达标' : '未达标'}${result.articles < 100_000 ? '；目标针对 100,000 篇' : ''}）`
  return [
    `后台稿件列表（${result.articles.toLocaleString('en-US')} 篇，每页 50 篇，按签发时间倒序，含草稿；补写 ${result.fill.added} 篇用时 ${result.fill.seconds} s）`,
    row('编辑（全部稿件）', result.editor),
    row('记者（本人稿件）', result.journalist),
  ]
}

function importTable(result: ImportBenchResult): string[] {
  const verdict = result.parse.pagesPerSecond >= PARSE_TARGET_PAGES_PER_SECOND ? '达标' : '未达标'
  return [
    '导入版面',
    `  解析速度      ${result.parse.pagesPerSecond} 版/秒（每版约 ${result.parse.pageChars} 字，${result.parse.pages} 版用时 ${result.parse.seconds} s）   目标 ≥ ${PARSE_TARGET_PAGES_PER_SECOND}（${verdict}）`,
    `  两版入库      ${(result.importSeedPages.milliseconds / 1000).toFixed(2)} s（${result.importSeedPages.articles} 篇草稿，含占位图）`,
  ]
}

function searchTable(result: SearchBenchResult): string[] {
  const mb = (bytes: number | null) => (bytes == null ? '—' : `${(bytes / 1024 / 1024).toFixed(0)} MB`)
  const rows = [
    `检索（${result.articles.toLocaleString('en-US')} 篇）`,
    `  建索引        ${(result.build.milliseconds / 1000).toFixed(1)} s，${result.build.articlesPerSecond} 篇/s；索引 ${mb(result.build.indexBytes)}，数据库文件 ${mb(result.build.databaseBytes)}`,
    `  查询（毫秒）   p50     p95     p99     max   平均命中   目标`,
  ]
  const labels = { oneWord: '一个词', twoWord: '两个词', rareWord: '罕见词' } as const
  for (const [kind, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
    const figures = result.queries[kind]
    const verdict = figures.p95 < SEARCH_P95_TARGET_MS ? '达标' : '未达标'
    const cells = [figures.p50, figures.p95, figures.p99, figures.max].map((value) => value.toFixed(1).padStart(7)).join(' ')
    rows.push(`  ${label.padEnd(8, '　')}${cells} ${String(figures.meanTotal).padStart(9)}   p95 < ${SEARCH_P95_TARGET_MS}（${verdict}）`)
  }
  return rows
}

const options = parseOptions(process.argv.slice(2))
const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const payload = await getPayload({ config })
const results: Record<string, unknown> = { startedAt: new Date().toISOString(), machine: { cpus: os.cpus().length, memoryGB: Math.round(os.totalmem() / 1024 ** 3), node: process.version }, options: { size: options.size, quick: options.quick, smoke: options.smoke, cache: options.cache, profile: options.profile } }
const runs = (part: string) => !options.only || options.only === part
// Written after every part, so a part that fails late keeps the figures measured before it.
const save = () => {
  fs.mkdirSync(path.dirname(options.out), { recursive: true })
  fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`)
}
let failed = false
try {
  if (runs('site')) {
    // Its own, smaller newsroom: the search part below fills the index with 100,000s of entries.
    const size = options.smoke ? options.size : options.quick ? 300 : Math.min(options.size, 10_000)
    // The smoke proves every page answers under load, not how fast: 8 connections for 2 s each,
    // as a search page under 64 connections can take a second to answer.
    const seconds = options.smoke ? 2 : options.quick ? 2 : 10
    const site = await runSiteBench(payload, { size, seconds, connections: options.smoke ? 8 : 64, rate: 100, spread: options.smoke ? 10 : options.quick ? 100 : 2_000, cache: options.cache, build: options.build, profileOut: options.profile ? options.out.replace(/\.json$/, '') + '.article.cpuprofile' : null, dir: BENCH_DIR, databaseUri: `file:${DATABASE_FILE}`, log: console.log })
    results.site = site
    save()
    console.log(siteTable(site).join('\n'))
  }
  if (runs('admin')) {
    console.log(`正在写入 ${options.size} 篇稿件并测后台列表…`)
    const admin = await runAdminListBench(payload, { size: options.size, rounds: options.smoke ? 10 : options.quick ? 40 : 200, log: console.log })
    results.admin = admin
    save()
    console.log(adminListTable(admin).join('\n'))
  }
  if (runs('search')) {
    console.log(`正在生成 ${options.size} 篇稿件并建立检索索引…`)
    const search = await runSearchBench(payload, { size: options.size, rounds: options.quick || options.smoke ? 3 : 10, databaseFile: DATABASE_FILE, log: console.log })
    results.search = search
    save()
    console.log(searchTable(search).join('\n'))
  }
  if (runs('import')) {
    const importing = await runImportBench(payload, { seconds: options.smoke ? 1 : options.quick ? 2 : 5 })
    const corpus = await runImportCorpus()
    results.import = { ...importing, corpus }
    save()
    console.log([...importTable(importing), ...importCorpusTable(corpus)].join('\n'))
  }
  if (runs('proofread')) {
    const proofreading = await runProofreadingBench(undefined, options.smoke ? 5 : 50)
    results.proofread = proofreading
    save()
    console.log(proofreadingTable(proofreading).join('\n'))
  }
  console.log(`结果已写入 ${path.relative(process.cwd(), options.out)}`)
} catch (error) {
  failed = true
  results.failure = error instanceof Error ? error.stack ?? error.message : String(error)
  save()
  console.error(`基准测试中途失败，已测得的结果写入 ${path.relative(process.cwd(), options.out)}：`, error)
} finally {
  await payload.destroy()
  fs.rmSync(BENCH_DIR, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
