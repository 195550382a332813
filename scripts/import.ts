// npm run import -- <file…> [--dry-run] [--json]
// Imports print pages (raw page text, UTF-8 or GB18030/GBK) as draft articles. With
// --dry-run nothing is written (Payload is not even started); with --json the result is printed as JSON on stdout
// (README, "Importing print pages", documents the shape).
import fs from 'node:fs'
import path from 'node:path'

import { type ReadPage, readPage } from '../src/import/readPage'
import type { PageParse } from '../src/import/types'

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const json = args.includes('--json')
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--dry-run' && arg !== '--json')
const files = args.filter((arg) => !arg.startsWith('--'))

// A reader that stops early (`| head`) is not an error of the import.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
  throw error
})

/** Exits once stdout and stderr are flushed: both are pipes when another tool runs the command. */
async function exit(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise((resolve) => stream.write('', resolve))))
  process.exit(code)
}

async function fail(message: string): Promise<never> {
  console.error(message)
  return exit(2)
}

if (unknown.length > 0) await fail(`不认识的参数：${unknown.join(' ')}（可用：--dry-run --json）`)
if (files.length === 0) await fail('用法：npm run import -- <版面文本文件…> [--dry-run] [--json]')

type FileResult = ReadPage & { file: string }

const read = (file: string): FileResult => {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { file, ok: false, problem: '文件不存在' }
  const size = fs.statSync(file).size
  // Refused before reading: a huge file never enters memory.
  if (size > 64 * 1024 * 1024) return { file, ok: false, problem: `文件过大（${(size / 1024 / 1024).toFixed(1)} MB）` }
  return { file, ...readPage(new Uint8Array(fs.readFileSync(file))) }
}

const results = files.map(read)
let failed = results.filter((result) => !result.ok).length
for (const result of results) if (!result.ok) console.error(`✖ ${result.file}：${result.problem}`)

if (dryRun) {
  const parses = results.flatMap((result) => (result.ok ? [{ file: path.basename(result.file), ...result.parse }] : []))
  if (json) {
    const strip = ({ file: _file, ...parse }: PageParse & { file: string }) => parse
    process.stdout.write(`${JSON.stringify(files.length === 1 ? (parses[0] ? strip(parses[0]) : null) : parses, null, 2)}\n`)
  } else {
    for (const parse of parses) {
      console.log(`${parse.file}：${parse.articles.length} 篇稿件（试运行，未写入）`)
      for (const article of parse.articles) console.log(`  ${article.needsReview ? '⚠' : '✔'} ${article.title}  ${article.bylines.map((byline) => byline.name).join(' ')}${article.warnings.length ? `\n      ${article.warnings.join('\n      ')}` : ''}`)
      if (parse.unassigned.length) console.log(`  未归属：${parse.unassigned.length} 段`)
    }
  }
  await exit(failed > 0 ? 1 : 0)
}

// Nothing importable: stop before touching the database at all.
if (results.every((result) => !result.ok)) await exit(1)

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { importPage } = await import('../src/import/importPage')
// Payload's log goes to stderr, so stdout carries only the result (JSON with --json).
const payload = await getPayload({ config: { ...(await config), logger: { options: {}, destination: process.stderr } } as never })
const reports: unknown[] = []
for (const result of results) {
  if (!result.ok) continue
  try {
    const report = await importPage(payload, result.text, { parse: result.parse })
    reports.push({ file: path.basename(result.file), ...report })
    if (report.status === 'refused') {
      failed += 1
      console.error(`✖ ${result.file}：${report.problem}`)
    } else if (!json) {
      console.log(`${result.file}：${report.status === 'created' ? `新建 ${report.articles.length} 篇草稿` : '已导入过，未新建'}`)
      for (const article of report.articles) console.log(`  ${article.needsReview ? '⚠' : '✔'} #${article.id} ${article.title}`)
      for (const warning of report.warnings) console.log(`  · ${warning}`)
    }
  } catch (error) {
    failed += 1
    console.error(`✖ ${result.file}：导入失败，本版没有写入任何稿件（${(error as Error).message}）`)
  }
}
if (json) process.stdout.write(`${JSON.stringify(files.length === 1 ? (reports[0] ?? null) : reports, null, 2)}\n`)
await payload.destroy()
await exit(failed > 0 ? 1 : 0)
