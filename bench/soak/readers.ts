import { seededRandom } from '../seededRandom'
import type { Tally } from './tally'
import { tallied } from './tally'

/** The reader pages the soak requests, by kind, as app/(reader) serves them. */
export type ReaderPaths = Record<ReaderKind, string[]>
export type ReaderKind = keyof typeof READER_MIX

/**
 * How often each kind is asked for, in parts: mostly articles and the home page, as on a news
 * site; search and the sitemap are rendered per request, so they weigh on the server beyond
 * their share.
 */
export const READER_MIX = { article: 45, home: 12, column: 8, region: 6, byline: 6, search: 10, feed: 10, sitemap: 3 } as const

export function pickKind(random: () => number): ReaderKind {
  const kinds = Object.entries(READER_MIX) as [ReaderKind, number][]
  let roll = random() * kinds.reduce((sum, [, weight]) => sum + weight, 0)
  for (const [kind, weight] of kinds) {
    roll -= weight
    if (roll < 0) return kind
  }
  return 'article'
}

/**
 * `readers` readers (spread over `bases`: the cache tier, or the app instances), each asking for its next page as soon as the last one arrived (as a
 * browser with gzip does), until `deadline` (performance.now()). Every page exists, so any
 * answer but 2xx or 3xx is a failure.
 */
export async function runReaders(bases: string[], paths: ReaderPaths, options: { readers: number; deadline: number; tally: Tally }): Promise<void> {
  const { tally, deadline } = options
  await Promise.all(
    Array.from({ length: options.readers }, async (_, reader) => {
      const random = seededRandom(reader + 1)
      const base = bases[reader % bases.length]
      while (performance.now() < deadline) {
        const kind = pickKind(random)
        const list = paths[kind]
        const path = list[Math.floor(random() * list.length)]
        await tallied(tally, `reader ${kind}`, `${base}${path}`, { headers: { 'Accept-Encoding': 'gzip' } }, (status) => status < 400)
      }
    }),
  )
}
