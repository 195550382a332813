import fs from 'node:fs'
import path from 'node:path'

import sensitiveTermList from '@/proofreading/data/sensitiveTerms.json'
import type { SensitiveTerm } from '@/proofreading/dictionaries'
import { type Finding, PROOFREADING_CATEGORIES, type ProofreadingCategory } from '@/proofreading/findings'
import { MAX_PROOFREAD_CHARACTERS, proofread, proofreadInSlices } from '@/proofreading/proofread'
import { countCharacters } from '@/newsroom/characterCount'

/** bench/proofreading/corpus.json: real sentences, clean, or with one known error each (README.md). */
type Corpus = {
  clean: { id: string; text: string }[]
  errors: { id: string; category: ProofreadingCategory; text: string; bylines?: string[]; error: { offset: number; length: number; text: string } }[]
}

/** The targets: recall per category, and false `error` findings per 1,000 clean characters. */
export const PROOFREADING_TARGETS = {
  recall: { punctuation: 0.9, number: 0.9, typo: 0.8, variant: 0.8, sensitive: 1, consistency: 0.8 } satisfies Record<ProofreadingCategory, number>,
  falseErrorsPer1000: 0.5,
  articleMs: 50,
  articleCharacters: 15_000,
}

export type CategoryRecall = { items: number; found: number; recall: number; missed: string[] }
/** The term list's target is about the terms it lists: sentences whose error is a listed term. */
export type ListedRecall = { items: number; found: number; recall: number }
export type ProofreadingBenchResult = {
  recall: Record<ProofreadingCategory, CategoryRecall>
  listedTerms: ListedRecall
  clean: { sentences: number; characters: number; falseErrors: number; falseErrorsPer1000: number; falseWarnings: number; examples: string[] }
  speed: { characters: number; runs: number; p50: number; p95: number; max: number }
  /** The largest text accepted, checked as the server checks it: how long it took, and the longest the event loop waited meanwhile. */
  largest: { characters: number; totalMs: number; longestStallMs: number; findings: number }
  /** The same recall on the held-out corpora (heldout.json, heldout2.json), each built by a pass that never saw the checker. */
  heldOut: { file: string; recall: Record<ProofreadingCategory, CategoryRecall> }[]
}

const sensitiveTerms = sensitiveTermList.entries as SensitiveTerm[]
/** What a new install knows of places: the seed's regions (the admin's 地区). */
const places = (JSON.parse(fs.readFileSync(path.resolve('src', 'seed', 'data', 'regions.json'), 'utf8')) as { name: string }[]).map((region) => region.name)
const HELD_OUT = ['heldout.json', 'heldout2.json']
const overlaps = (finding: Finding, error: { offset: number; length: number }) => finding.offset < error.offset + error.length && error.offset < finding.offset + finding.length

const percentile = (sorted: number[], share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))]

function recallOn(errors: Corpus['errors']): Record<ProofreadingCategory, CategoryRecall> {
  const recall = Object.fromEntries(PROOFREADING_CATEGORIES.map((category) => [category, { items: 0, found: 0, recall: 0, missed: [] as string[] }])) as Record<ProofreadingCategory, CategoryRecall>
  for (const item of errors) {
    const { findings } = proofread({ fields: { text: item.text }, sensitiveTerms, bylines: item.bylines ?? [], places })
    const entry = recall[item.category]
    entry.items += 1
    if (findings.some((finding) => finding.category === item.category && overlaps(finding, item.error))) entry.found += 1
    else entry.missed.push(`${item.id} “${item.error.text}”：${item.text}`)
  }
  for (const entry of Object.values(recall)) entry.recall = entry.items === 0 ? 0 : entry.found / entry.items
  return recall
}

/** A text of `length` characters made of the clean sentences, repeated, in paragraphs of three. */
function articleOf(sentences: string[], length: number): string {
  const paragraphs: string[] = []
  for (let index = 0, total = 0; total < length; index += 1) {
    const paragraph = sentences.slice((index * 3) % sentences.length, ((index * 3) % sentences.length) + 3).join('')
    paragraphs.push(paragraph)
    total += paragraph.length + 1
  }
  return paragraphs.join('\n').slice(0, length)
}

/** The event loop's longest wait while the largest accepted text is checked in slices, as the server checks it. */
async function largestText(sentences: string[]): Promise<ProofreadingBenchResult['largest']> {
  const text = articleOf(sentences, MAX_PROOFREAD_CHARACTERS)
  let longestStallMs = 0
  let last = performance.now()
  let running = true
  const tick = () => {
    const now = performance.now()
    longestStallMs = Math.max(longestStallMs, now - last)
    last = now
    if (running) setImmediate(tick)
  }
  setImmediate(tick)
  const started = performance.now()
  const { findings } = await proofreadInSlices({ fields: { body: text }, sensitiveTerms, places })
  const totalMs = performance.now() - started
  running = false
  return { characters: text.length, totalMs: Math.round(totalMs), longestStallMs: Math.round(longestStallMs * 10) / 10, findings: findings.length }
}

export async function runProofreadingBench(corpusFile = path.resolve('bench', 'proofreading', 'corpus.json'), runs = 50): Promise<ProofreadingBenchResult> {
  const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as Corpus
  const recall = recallOn(corpus.errors)
  const listed = corpus.errors.filter((item) => item.category === 'sensitive' && sensitiveTerms.some((term) => item.error.text.includes(term.term)))
  const listedFound = listed.filter((item) => !recall.sensitive.missed.some((missed) => missed.startsWith(`${item.id} `))).length
  const listedTerms = { items: listed.length, found: listedFound, recall: listed.length === 0 ? 0 : listedFound / listed.length }

  let characters = 0
  let falseErrors = 0
  let falseWarnings = 0
  const examples: string[] = []
  for (const sentence of corpus.clean) {
    const { findings } = proofread({ fields: { text: sentence.text }, sensitiveTerms, places })
    characters += countCharacters(sentence.text)
    for (const finding of findings) {
      if (finding.severity === 'error') {
        falseErrors += 1
        examples.push(`${sentence.id} [${finding.category}] “${finding.text}” ${finding.message}`)
      } else falseWarnings += 1
    }
  }

  const sentences = corpus.clean.map((sentence) => sentence.text)
  const article = articleOf(sentences, PROOFREADING_TARGETS.articleCharacters)
  const timings: number[] = []
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now()
    proofread({ fields: { body: article }, sensitiveTerms, bylines: ['张福芳'], places })
    timings.push(performance.now() - started)
  }
  timings.sort((a, b) => a - b)
  const round = (value: number) => Math.round(value * 10) / 10
  return {
    recall,
    listedTerms,
    clean: { sentences: corpus.clean.length, characters, falseErrors, falseErrorsPer1000: round((falseErrors / characters) * 1000 * 100) / 100, falseWarnings, examples },
    speed: { characters: article.length, runs, p50: round(percentile(timings, 0.5)), p95: round(percentile(timings, 0.95)), max: round(timings.at(-1)!) },
    largest: await largestText(sentences),
    heldOut: HELD_OUT.filter((file) => fs.existsSync(path.resolve('bench', 'proofreading', file))).map((file) => ({ file, recall: recallOn((JSON.parse(fs.readFileSync(path.resolve('bench', 'proofreading', file), 'utf8')) as Corpus).errors) })),
  }
}

export function proofreadingTable(result: ProofreadingBenchResult): string[] {
  const verdict = (held: boolean) => (held ? '达标' : '未达标')
  const percent = (share: number) => `${(share * 100).toFixed(1)}%`
  return [
    `校对（bench/proofreading/corpus.json：${Object.values(result.recall).reduce((sum, entry) => sum + entry.items, 0)} 句各含一处差错，${result.clean.sentences} 句无差错）`,
    ...PROOFREADING_CATEGORIES.map((category) => {
      const entry = result.recall[category]
      const target = PROOFREADING_TARGETS.recall[category]
      return `  召回 ${category.padEnd(12)} ${String(entry.found).padStart(3)}/${String(entry.items).padEnd(3)} ${percent(entry.recall).padStart(6)}   目标 ≥ ${percent(target)}（${verdict(entry.recall >= target)}）`
    }),
    `  词表内禁用词 ${String(result.listedTerms.found).padStart(3)}/${String(result.listedTerms.items).padEnd(3)} ${percent(result.listedTerms.recall).padStart(6)}   目标 100%（${verdict(result.listedTerms.recall === 1)}；其余为词表未收的说法）`,
    `  误报差错     ${result.clean.falseErrors} 处 / ${result.clean.characters} 字 = 每千字 ${result.clean.falseErrorsPer1000}   目标 ≤ ${PROOFREADING_TARGETS.falseErrorsPer1000}（${verdict(result.clean.falseErrorsPer1000 <= PROOFREADING_TARGETS.falseErrorsPer1000)}）；提示 ${result.clean.falseWarnings} 处`,
    ...result.heldOut.flatMap(({ file, recall }) => [
      `  留出语料 bench/proofreading/${file}（另一人未看检查器时所建）`,
      ...PROOFREADING_CATEGORIES.filter((category) => recall[category].items > 0).map((category) => {
        const entry = recall[category]
        return `  召回 ${category.padEnd(12)} ${String(entry.found).padStart(3)}/${String(entry.items).padEnd(3)} ${percent(entry.recall).padStart(6)}   目标 ≥ ${percent(PROOFREADING_TARGETS.recall[category])}（${verdict(entry.recall >= PROOFREADING_TARGETS.recall[category])}）`
      }),
    ]),
    `  最长文本     ${result.largest.characters} 字分片校对共 ${result.largest.totalMs} ms，其间事件循环最长等待 ${result.largest.longestStallMs} ms（${result.largest.findings} 处发现）`,
    `  速度         ${result.speed.characters} 字的稿件 p50 ${result.speed.p50} ms，p95 ${result.speed.p95} ms，最慢 ${result.speed.max} ms（${result.speed.runs} 次）   目标 < ${PROOFREADING_TARGETS.articleMs} ms（${verdict(result.speed.p95 < PROOFREADING_TARGETS.articleMs)}）`,
  ]
}
