import { readSeedPage } from '@/seed/data'

/** Mutations of the real seed pages, for fuzzing the importer: text as a damaged file or a careless paste would give it. */
export const SEED_PAGES = [readSeedPage('000'), readSeedPage('001')]

const PIECES = ['\n', '\n\n', ' ', '　', '——', '【', '】', '(', ')', '（', '）', '“', '”', '摄', '供图', '本报记者', '通讯员', '：', ':', '。', '，', '、', '①', '之', '篇', '(一)', '市', '县', '\u0000', '\uFFFD', 'abc', '123', '𠀋', '\r\n']

export function mutate(page: string, next: () => number): string {
  const blocks = page.split(/\n\s*\n/)
  const operations = 1 + Math.floor(next() * 12)
  for (let step = 0; step < operations; step += 1) {
    const at = Math.floor(next() * blocks.length)
    const choice = next()
    if (choice < 0.2) blocks.splice(at, 1)
    else if (choice < 0.4) blocks.splice(at, 0, blocks[Math.floor(next() * blocks.length)] ?? '')
    else if (choice < 0.6) {
      const other = Math.floor(next() * blocks.length)
      ;[blocks[at], blocks[other]] = [blocks[other], blocks[at]]
    } else {
      const text = blocks[at] ?? ''
      const cut = Math.floor(next() * (text.length + 1))
      blocks[at] = text.slice(0, cut) + PIECES[Math.floor(next() * PIECES.length)] + text.slice(cut)
    }
  }
  return blocks.join('\n\n')
}

export function noise(next: () => number): string {
  const source = SEED_PAGES[Math.floor(next() * SEED_PAGES.length)]
  let text = ''
  const length = Math.floor(next() * 400)
  for (let index = 0; index < length; index += 1) text += next() < 0.3 ? PIECES[Math.floor(next() * PIECES.length)] : source[Math.floor(next() * source.length)]
  return text
}
