import { readSeedPage } from '@/seed/data'

/** A page's paragraphs as the importer and the seed see them: non-blank lines, right-trimmed. */
export function seedPageLines(page: '000' | '001'): string[] {
  return readSeedPage(page)
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .filter((line) => line.trim() !== '')
}
