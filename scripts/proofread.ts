// npm run proofread -- <文件…> [--json]: the 校对 checker on text files (UTF-8 or GB18030). Prints
// each finding with its line and column; with --json, { "<file>": { findings, characters,
// errorsPer10k } }. Exit code 0 when no file has an error finding, 1 when one has, 2 when a file
// cannot be read. Plain TypeScript run by tsx: no database, so the 禁用词/慎用词 list is the seed
// list (src/proofreading/data/sensitiveTerms.json), not the one administrators keep in the admin.
import fs from 'node:fs'

import { decodeText, UNKNOWN_ENCODING } from '@/import/decode'
import sensitiveTermList from '@/proofreading/data/sensitiveTerms.json'
import type { SensitiveTerm } from '@/proofreading/dictionaries'
import { CATEGORY_LABELS, type Finding } from '@/proofreading/findings'
import { MAX_PROOFREAD_CHARACTERS, proofread, type ProofreadResult } from '@/proofreading/proofread'

const USAGE = '用法：npm run proofread -- <文件…> [--json]'
const args = process.argv.slice(2)
const json = args.includes('--json')
const files = args.filter((arg) => arg !== '--json')
const unknown = files.find((arg) => arg.startsWith('-'))
if (files.length === 0 || unknown) {
  console.error(unknown ? `不认识的参数：${unknown}\n${USAGE}` : USAGE)
  process.exit(2)
}

const sensitiveTerms = sensitiveTermList.entries as SensitiveTerm[]

function readText(file: string): string {
  const decoded = decodeText(fs.readFileSync(file))
  if (!decoded) throw new Error(UNKNOWN_ENCODING)
  if (decoded.text.length > MAX_PROOFREAD_CHARACTERS) throw new Error(`文本过长：一次最多校对 ${MAX_PROOFREAD_CHARACTERS} 个字符`)
  return decoded.text.replace(/\r\n?/g, '\n')
}

function located(text: string, finding: Finding): string {
  const before = text.slice(0, finding.offset)
  const line = before.split('\n').length
  const column = finding.offset - before.lastIndexOf('\n')
  const level = finding.severity === 'error' ? '差错' : '提示'
  const suggestion = finding.suggestion === null ? '' : finding.suggestion === '' ? ' → 删去' : ` → ${finding.suggestion}`
  return `  第 ${line} 行第 ${column} 字  [${level}·${CATEGORY_LABELS[finding.category]}] “${finding.text}” ${finding.message}${suggestion}`
}

const results: Record<string, ProofreadResult> = {}
let failed = false
let unreadable = false
for (const file of files) {
  try {
    const text = readText(file)
    const result = proofread({ fields: { text }, sensitiveTerms })
    results[file] = result
    failed ||= result.findings.some((finding) => finding.severity === 'error')
    if (json) continue
    const errors = result.findings.filter((finding) => finding.severity === 'error').length
    console.log(`${file}：${result.characters} 字，差错 ${errors} 处，提示 ${result.findings.length - errors} 处，差错率 万分之${result.errorsPer10k}`)
    for (const finding of result.findings) console.log(located(text, finding))
  } catch (error) {
    unreadable = true
    console.error(`${file}：无法校对：${(error as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : (error as Error).message}`)
  }
}
if (json) console.log(JSON.stringify(results, null, 2))
process.exit(unreadable ? 2 : failed ? 1 : 0)
