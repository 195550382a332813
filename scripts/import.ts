// npm run import -- <file…> [--date=2025-11-13] [--page=5] [--page-name=县域新闻] [--dry-run] [--json]
// Imports print pages (raw page text, UTF-8 or GB18030/GBK) and Word copy (.docx) as draft articles of the edition
// given (见报日期, 版次, 版名; a page whose header line states them needs no flags, and flags
// override it). Articles already in the database (the same page imported before, or the same
// headline on the same day) are skipped, never duplicated or overwritten. With --dry-run nothing
// is written (Payload is not even started); with --json the result is printed as JSON on stdout
// (docs/import.md documents the shape).
import fs from 'node:fs'
import path from 'node:path'

import { existingStatus, matchReason } from '@/import/decisions'
import { describeEdition, type Edition, resolveEdition } from '@/import/edition'
import { type ReadPage, readImportFile } from '@/import/readPage'
import type { PageParse } from '@/import/types'

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const json = args.includes('--json')
const EDITION_FLAGS = { '--date': 'date', '--page': 'pageNumber', '--page-name': 'pageName' } as const
const editionFlags: Record<string, string> = {}
for (const arg of args) {
  const [flag, ...value] = arg.split('=')
  if (flag in EDITION_FLAGS) editionFlags[EDITION_FLAGS[flag as keyof typeof EDITION_FLAGS]] = value.join('=')
}
const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--dry-run' && arg !== '--json' && !(arg.split('=')[0] in EDITION_FLAGS))
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

if (unknown.length > 0) await fail(`不认识的参数：${unknown.join(' ')}（可用：--date=2025-11-13 --page=5 --page-name=县域新闻 --dry-run --json）`)
if (files.length === 0) await fail('用法：npm run import -- <版面文本文件…> [--date=见报日期] [--page=版次] [--page-name=版名] [--dry-run] [--json]')

type FileResult = ReadPage & { file: string }

const read = async (file: string): Promise<FileResult> => {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return { file, ok: false, problem: '文件不存在' }
  const size = fs.statSync(file).size
  // Refused before reading: a huge file never enters memory.
  if (size > 64 * 1024 * 1024) return { file, ok: false, problem: `文件过大（${(size / 1024 / 1024).toFixed(1)} MB）` }
  return { file, ...(await readImportFile(path.basename(file), new Uint8Array(fs.readFileSync(file)))) }
}

const results: FileResult[] = []
for (const file of files) results.push(await read(file))
let failed = results.filter((result) => !result.ok).length
for (const result of results) if (!result.ok) console.error(`✖ ${result.file}：${result.problem}`)

if (dryRun) {
  const parses = results.flatMap((result) => (result.ok ? [{ file: path.basename(result.file), ...result.parse }] : []))
  if (json) {
    const strip = ({ file: _file, ...parse }: PageParse & { file: string }) => parse
    process.stdout.write(`${JSON.stringify(files.length === 1 ? (parses[0] ? strip(parses[0]) : null) : parses, null, 2)}\n`)
  } else {
    for (const parse of parses) {
      const edition = resolveEdition(editionFlags, parse.edition)
      console.log(`${parse.file}：${parse.articles.length} 篇稿件（试运行，未写入）${edition.ok ? `，${describeEdition(edition.edition)}` : `；${edition.problems.join('；')}`}`)
      for (const article of parse.articles) console.log(`  ${article.needsReview ? '⚠' : '✔'} ${article.title}  ${article.bylines.map((byline) => byline.name).join(' ')}${article.warnings.length ? `\n      ${article.warnings.join('\n      ')}` : ''}`)
      if (parse.unassigned.length) console.log(`  未归属：${parse.unassigned.length} 段`)
    }
  }
  await exit(failed > 0 ? 1 : 0)
}

// Every page needs its edition: a page that neither states it nor is given it is not imported.
const editions = new Map<string, Edition>()
for (const result of results) {
  if (!result.ok) continue
  const edition = resolveEdition(editionFlags, result.parse.edition)
  if (edition.ok) editions.set(result.file, edition.edition)
  else {
    failed += 1
    console.error(`✖ ${result.file}：${edition.problems.join('；')}（用 --date=2025-11-13 --page=5 --page-name=县域新闻 指定）`)
  }
}

// Nothing importable: stop before touching the database at all.
if (editions.size === 0) await exit(1)

const { getPayload } = await import('payload')
const { default: config } = await import('@payload-config')
const { importPage } = await import('@/import/importPage')
// Payload's log goes to stderr, so stdout carries only the result (JSON with --json).
const payload = await getPayload({ config: { ...(await config), logger: { options: {}, destination: process.stderr } } as never })
const reports: unknown[] = []
const OUTCOMES = { created: '新建', updated: '更新', skipped: '跳过' } as const
for (const result of results) {
  const edition = editions.get(result.file)
  if (!result.ok || !edition) continue
  try {
    const report = await importPage(payload, result.text, { parse: result.parse, images: result.images, file: { name: path.basename(result.file), format: result.format }, edition })
    reports.push({ file: path.basename(result.file), ...report })
    if (report.status === 'refused') {
      failed += 1
      console.error(`✖ ${result.file}：${report.problem}`)
    } else if (!json) {
      const created = report.articles.filter((article) => article.outcome === 'created').length
      console.log(`${result.file}（${describeEdition(report.edition)}）：${report.status === 'created' ? `新建 ${created} 篇草稿` : '已导入过，未新建'}`)
      for (const article of report.articles) {
        const why = article.existing ? `（${existingStatus(article.existing)}：${matchReason(article.existing)}）` : ''
        console.log(`  ${OUTCOMES[article.outcome]} ${article.needsReview ? '⚠' : '✔'} #${article.id} ${article.title}${why}`)
      }
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
