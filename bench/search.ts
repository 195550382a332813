import fs from 'node:fs'

import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { indexedArticleOf } from '@/search/document'
import { searchArticles } from '@/search/query'
import { searchStoreFor } from '@/search/store'
import { type GeneratedArticle, generateArticles, generatedVocabulary, lexicalBodyOf } from './dataset'
import { percentiles, type Percentiles } from './stats'

/** Common words of the seed pages (each in a large share of the generated articles). */
const ONE_WORD = ['发展', '社区', '服务', '治理', '产业', '科技', '网格', '党建', '企业', '群众', '物业', '项目']
const TWO_WORDS = ['社区 服务', '科技 产业', '党建 网格', '新化 文印', '商务 招商', '物业 小区', '桂阳 科技', '禁毒 宁远']

export type SearchBenchResult = {
  articles: number
  build: { milliseconds: number; articlesPerSecond: number; indexBytes: number | null; databaseBytes: number }
  queries: Record<'oneWord' | 'twoWord' | 'rareWord', Percentiles & { queries: number; meanTotal: number }>
}

/** A generated article in the shape the indexer reads: relations populated, body as Lexical JSON. */
function asArticle(generated: GeneratedArticle, ids: Map<string, number>): Article {
  const ref = (name: string) => ({ id: ids.get(name) ?? 0, name, slug: name })
  return {
    id: generated.index + 1,
    title: generated.title,
    kicker: generated.kicker,
    subtitle: generated.subtitle,
    summary: generated.summary,
    slug: `bench-${generated.index + 1}`,
    body: lexicalBodyOf(generated),
    bylines: generated.bylines.map((name) => ({ byline: ref(name), role: 'byline' })),
    column: generated.column ? ref(generated.column) : null,
    regions: generated.regions.map(ref),
    tags: generated.tags.map(ref),
    publishedAt: generated.publishedAt,
    _status: 'published',
  } as unknown as Article
}

async function timeQueries(payload: Payload, queries: string[], rounds: number) {
  const times: number[] = []
  let totals = 0
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      const started = performance.now()
      const { totalDocs } = await searchArticles(payload, query, { limit: 10 })
      times.push(performance.now() - started)
      totals += totalDocs
    }
  }
  return { ...percentiles(times), queries: times.length, meanTotal: Math.round(totals / times.length) }
}

/**
 * Builds the search index from `size` generated articles (through the same tokenizer and
 * store the app uses, without Payload's per-document writes), then times searches the way
 * the endpoint runs them: one-word, two-word and rare-word queries, page 1, 10 results.
 */
export async function runSearchBench(payload: Payload, options: { size: number; rounds: number; databaseFile?: string; log?: (line: string) => void }): Promise<SearchBenchResult> {
  const log = options.log ?? (() => undefined)
  const { names, columns, regions } = generatedVocabulary(7)
  const ids = new Map<string, number>([...names, ...columns, ...regions].map((name, index) => [name, index + 1]))
  const store = await searchStoreFor(payload)
  await store.clear()
  const rareNames: string[] = []
  const started = performance.now()
  let batch = []
  for (const generated of generateArticles(options.size, { names, columns, regions })) {
    if (generated.index % Math.max(1, Math.floor(options.size / 200)) === 0) rareNames.push(generated.rareName)
    batch.push(indexedArticleOf(asArticle(generated, ids), ['public', 'staff']))
    if (batch.length === 1_000) {
      await store.insertMany(batch)
      batch = []
      if ((generated.index + 1) % 10_000 === 0) log(`  已索引 ${generated.index + 1} 篇`)
    }
  }
  await store.insertMany(batch)
  const milliseconds = performance.now() - started
  const { bytes } = await store.stats()
  const databaseBytes = options.databaseFile ? [options.databaseFile, `${options.databaseFile}-wal`].filter((file) => fs.existsSync(file)).reduce((sum, file) => sum + fs.statSync(file).size, 0) : 0
  const rounds = options.rounds
  return {
    articles: options.size,
    build: { milliseconds: Math.round(milliseconds), articlesPerSecond: Math.round(options.size / (milliseconds / 1000)), indexBytes: bytes, databaseBytes },
    queries: {
      oneWord: await timeQueries(payload, ONE_WORD, rounds),
      twoWord: await timeQueries(payload, TWO_WORDS, rounds),
      rareWord: await timeQueries(payload, rareNames.slice(0, 50), Math.max(1, Math.round((rounds * ONE_WORD.length) / Math.max(1, Math.min(50, rareNames.length))))),
    },
  }
}
