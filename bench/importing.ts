import type { Payload } from 'payload'

import { importPage } from '@/import/importPage'
import { parsePage } from '@/import/parsePage'
import { readSeedPage } from '@/seed/data'

export type ImportBenchResult = { parse: { pages: number; seconds: number; pagesPerSecond: number; pageChars: number }; importSeedPages: { milliseconds: number; articles: number } }

/**
 * Parsing speed on the seed pages (each ~10,000 characters, the size of a real page), for
 * `seconds` of wall time; then the time to import both seed pages into the database as drafts.
 */
export async function runImportBench(payload: Payload, options: { seconds: number }): Promise<ImportBenchResult> {
  const pages = [readSeedPage('000'), readSeedPage('001')]
  let parsed = 0
  const started = performance.now()
  while (performance.now() - started < options.seconds * 1000) {
    parsePage(pages[parsed % 2])
    parsed += 1
  }
  const seconds = (performance.now() - started) / 1000
  const importStarted = performance.now()
  let articles = 0
  for (const [index, page] of pages.entries()) {
    // An edition day the seed does not use: no article matches by headline, every one is created.
    const result = await importPage(payload, page, { edition: { date: '2025-11-13', pageNumber: index + 5, pageName: '测试版' } })
    if (result.status !== 'refused') articles += result.articles.length
  }
  return {
    parse: { pages: parsed, seconds: Math.round(seconds * 10) / 10, pagesPerSecond: Math.round(parsed / seconds), pageChars: Math.round((pages[0].length + pages[1].length) / 2) },
    importSeedPages: { milliseconds: Math.round(performance.now() - importStarted), articles },
  }
}
