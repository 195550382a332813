import fs from 'node:fs'
import path from 'node:path'

import { readImportFile } from '@/import/readPage'
import type { ImportedArticle, PageParse } from '@/import/types'

/**
 * The importer against pages whose structure was written by hand (corpus.json): for each kind
 * of fact a reader sees at a glance (headline, 引题, 副题, column with installment, each byline
 * with its role, each photo credit), how many the importer states that the page has (precision)
 * and how many of the page's it states (recall); and whether every character is kept, how much
 * is left unassigned, and whether any page was refused.
 */
type ExpectedArticle = { title: string | null; kicker?: string; subtitle?: string; column?: string; bylines?: string[]; credits?: string[] }
type CorpusPage = { id: string; file: string; paper: string; kind: 'real' | 'constructed'; articles: ExpectedArticle[] }

export const FACT_KINDS = ['title', 'kicker', 'subtitle', 'column', 'byline', 'credit'] as const
type FactKind = (typeof FACT_KINDS)[number]
type Tally = { stated: number; correct: number; expected: number }

export type PageScore = { id: string; kind: CorpusPage['kind']; refused: string | null; characters: number; lostCharacters: number; unassignedCharacters: number; missed: string[]; wrong: string[] }
export type CorpusResult = { pages: PageScore[]; byKind: Record<'real' | 'constructed', Record<FactKind, Tally>> }

// Labels print as the page prints them: `奋斗百年路·启航新征程之新化篇(一)`; the parse splits name and installment.
const label = (text: string) => text.replace(/[之·\s]/g, '')

function factsOf(article: ExpectedArticle): string[] {
  return [
    ...(article.title ? [`title:${article.title}`] : []),
    ...(article.kicker ? [`kicker:${article.kicker}`] : []),
    ...(article.subtitle ? [`subtitle:${article.subtitle}`] : []),
    ...(article.column ? [`column:${label(article.column)}`] : []),
    ...(article.bylines ?? []).map((byline) => `byline:${byline}`),
    ...(article.credits ?? []).map((credit) => `credit:${credit}`),
  ]
}

function statedFacts(article: ImportedArticle): string[] {
  return factsOf({
    title: article.titleIsPlaceholder ? null : article.title,
    kicker: article.kicker ?? undefined,
    subtitle: article.subtitle ?? undefined,
    column: article.column ? `${article.column.name}${article.column.installment ?? ''}` : undefined,
    bylines: article.bylines.map((byline) => `${byline.name}/${byline.role}`),
    credits: article.photos.flatMap((photo) => (photo.credit ? [photo.credit] : [])),
  })
}

const nonSpace = (text: string) => text.replace(/[\s\uFFFC]/g, '')

/** Characters of the page text that are in no article's source, not unassigned and not the edition line. */
function charactersLost(text: string, parse: PageParse): number {
  const kept = [...parse.articles.flatMap((article) => article.source), ...parse.unassigned, ...parse.edition.source].map(nonSpace).join('')
  return Math.max(0, nonSpace(text).length - kept.length)
}

const emptyTally = (): Record<FactKind, Tally> => Object.fromEntries(FACT_KINDS.map((kind) => [kind, { stated: 0, correct: 0, expected: 0 }])) as Record<FactKind, Tally>

export async function runImportCorpus(corpusFile = path.resolve('bench/import-corpus/corpus.json')): Promise<CorpusResult> {
  const corpus = JSON.parse(fs.readFileSync(corpusFile, 'utf8')) as { pages: CorpusPage[] }
  const byKind = { real: emptyTally(), constructed: emptyTally() }
  const pages: PageScore[] = []
  for (const page of corpus.pages) {
    const bytes = new Uint8Array(fs.readFileSync(path.resolve(page.file)))
    const read = await readImportFile(path.basename(page.file), bytes)
    const expected = page.articles.flatMap(factsOf)
    const stated = read.ok ? read.parse.articles.flatMap(statedFacts) : []
    const remaining = [...expected]
    const wrong: string[] = []
    for (const fact of stated) {
      const at = remaining.indexOf(fact)
      if (at >= 0) remaining.splice(at, 1)
      else wrong.push(fact)
    }
    const tally = byKind[page.kind]
    const kindOf = (fact: string) => fact.split(':')[0] as FactKind
    for (const fact of expected) tally[kindOf(fact)].expected += 1
    for (const fact of stated) tally[kindOf(fact)].stated += 1
    for (const fact of stated) if (!wrong.includes(fact)) tally[kindOf(fact)].correct += 1
    const characters = read.ok ? nonSpace(read.text).length : bytes.length
    pages.push({
      id: page.id,
      kind: page.kind,
      refused: read.ok ? null : read.problem,
      characters,
      lostCharacters: read.ok ? charactersLost(read.text, read.parse) : characters,
      unassignedCharacters: read.ok ? read.parse.unassigned.map(nonSpace).join('').length : 0,
      missed: remaining,
      wrong,
    })
  }
  return { pages, byKind }
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((part / whole) * 100).toFixed(1)}%`)

export function importCorpusTable(result: CorpusResult): string[] {
  const lines: string[] = []
  for (const kind of ['real', 'constructed'] as const) {
    const pages = result.pages.filter((page) => page.kind === kind)
    if (pages.length === 0) continue
    lines.push(`导入语料（${kind === 'real' ? '真实版面' : '自制样稿'}，${pages.length} 页）：字段  精确率  召回率`)
    let all = { stated: 0, correct: 0, expected: 0 }
    for (const fact of FACT_KINDS) {
      const tally = result.byKind[kind][fact]
      all = { stated: all.stated + tally.stated, correct: all.correct + tally.correct, expected: all.expected + tally.expected }
      if (tally.expected + tally.stated > 0) lines.push(`  ${fact.padEnd(8)} ${percent(tally.correct, tally.stated).padStart(7)} ${percent(tally.correct, tally.expected).padStart(7)}   (${tally.correct}/${tally.stated} 对，应有 ${tally.expected})`)
    }
    lines.push(`  全部事实 ${percent(all.correct, all.stated).padStart(7)} ${percent(all.correct, all.expected).padStart(7)}`)
    const characters = pages.reduce((sum, page) => sum + page.characters, 0)
    lines.push(`  丢失字符 ${pages.reduce((sum, page) => sum + page.lostCharacters, 0)}；未归属 ${percent(pages.reduce((sum, page) => sum + page.unassignedCharacters, 0), characters)}；拒收 ${pages.filter((page) => page.refused).length} 页`)
    for (const page of pages) if (page.missed.length + page.wrong.length > 0 || page.refused) lines.push(`  ${page.id}：${page.refused ? `拒收（${page.refused}）` : ''}漏 ${page.missed.join('，') || '无'}；错 ${page.wrong.join('，') || '无'}`)
  }
  return lines
}
