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
 * Which page of a kind a reader asks for. News readers crowd onto a few stories: articles are
 * picked by Zipf's law over the dataset's order (the k-th article weighs 1/k, so at 10,000
 * articles the first 100 draw about half the article requests, as today's stories do), which
 * puts the articles the editors work on, the dataset's first, among the most read. Every other
 * kind, and `--popularity uniform`, picks evenly: at 10,000 articles nearly every uniform
 * article request is a page no reader asked for before, an uncached render.
 */
export type Popularity = 'zipf' | 'uniform'
export type PathPicker = (kind: ReaderKind, random: () => number) => string

export function pathPicker(paths: ReaderPaths, popularity: Popularity): PathPicker {
  const cumulative: number[] = []
  if (popularity === 'zipf') for (let rank = 1, sum = 0; rank <= paths.article.length; rank += 1) cumulative.push((sum += 1 / rank))
  const total = cumulative[cumulative.length - 1] ?? 0
  return (kind, random) => {
    const list = paths[kind]
    if (kind !== 'article' || cumulative.length === 0) return list[Math.floor(random() * list.length)]
    const target = random() * total
    let low = 0
    let high = cumulative.length - 1
    while (low < high) {
      const middle = (low + high) >> 1
      if (cumulative[middle] < target) low = middle + 1
      else high = middle
    }
    return list[low]
  }
}

/**
 * Gaps between arrivals of a Poisson process at `ratePerSecond`, in ms: exponentially
 * distributed with mean 1000 / rate, as independent readers arrive.
 */
export function poissonGapMs(ratePerSecond: number, random: () => number): number {
  return (-1000 / ratePerSecond) * Math.log(1 - random())
}

/**
 * `readers` readers (spread over `bases`: the cache tier, or the app instances), each opening a
 * page at Poisson arrival times, together `ratePerSecond` pages a second, until `deadline`
 * (performance.now()). Arrivals do not wait for answers (open loop): a slow server is given as
 * many requests as a fast one, so its queue shows in the latency instead of hiding in readers
 * who wait. Readers who asked as soon as the last page arrived would keep 200 requests queued
 * at any server, and every page would wait behind them however fast it rendered. Every page
 * exists, so any answer but 2xx or 3xx is a failure.
 */
export async function runReaders(bases: string[], pickPath: PathPicker, options: { readers: number; ratePerSecond: number; deadline: number; tally: Tally }): Promise<{ sent: number }> {
  const { tally, deadline } = options
  const perReader = options.ratePerSecond / options.readers
  const inFlight = new Set<Promise<unknown>>()
  let sent = 0
  await Promise.all(
    Array.from({ length: options.readers }, async (_, reader) => {
      const random = seededRandom(reader + 1)
      const base = bases[reader % bases.length]
      let next = performance.now() + poissonGapMs(perReader, random)
      while (next < deadline) {
        const wait = next - performance.now()
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
        const kind = pickKind(random)
        const request = tallied(tally, `reader ${kind}`, `${base}${pickPath(kind, random)}`, { headers: { 'Accept-Encoding': 'gzip' } }, (status) => status < 400)
        inFlight.add(request)
        void request.finally(() => inFlight.delete(request))
        sent += 1
        next += poissonGapMs(perReader, random)
      }
    }),
  )
  await Promise.all(inFlight)
  return { sent }
}
