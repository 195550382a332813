import { percentiles } from '../stats'
import type { PublicChange } from './editors'
import { fetchWithin } from './tally'

/** How often a page is asked for again, and for how long, after a public change. */
const POLL_EVERY_MS = 200
const POLL_FOR_MS = 30_000
/** The target: a public change is on every page that shows it within this (issue 20). */
export const FRESHNESS_TARGET_S = 5

/** `lastSeen`, for a page that never showed the change: what it answered last (status, cache header), to tell a stale copy from an error. */
export type PageFreshness = { path: string; base: string; kind: 'article' | 'home' | 'column' | 'byline'; seconds: number | null; lastSeen?: string }
export type FreshnessFigures = { changes: number; pagesChecked: number; neverFresh: number; worstSeconds: number | null; p95Seconds: number | null; byKind: Record<string, { pages: number; worstSeconds: number | null }>; stalest: PageFreshness[] }

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", '#x27': "'" }
export const decodeHtml = (html: string) => html.replace(/&(amp|lt|gt|quot|apos|#39|#x27);/g, (_, name: string) => ENTITIES[name])
const kindOf = (path: string): PageFreshness['kind'] => (path === '/' ? 'home' : path.startsWith('/columns/') ? 'column' : path.startsWith('/bylines/') ? 'byline' : 'article')

type Page = { ok: boolean; text: string; seen: string }

async function page(url: string): Promise<Page> {
  try {
    const { response, text } = await fetchWithin(url)
    const cache = response.headers.get('x-cache') ?? response.headers.get('x-nextjs-cache') ?? '—'
    return { ok: response.ok, text: response.ok ? decodeHtml(text) : '', seen: `HTTP ${response.status}，缓存 ${cache}` }
  } catch (error) {
    return { ok: false, text: '', seen: error instanceof Error ? error.name : String(error) }
  }
}

/** Seconds from the acknowledgement until `url` shows `title`, polling, or what it showed last when it never did within POLL_FOR_MS. */
async function secondsUntilShown(url: string, title: string, acknowledgedAt: number): Promise<{ seconds: number | null; lastSeen?: string }> {
  // Not followed by a digit: "… soak-e1-5" must not match the "… soak-e1-50" of another save.
  const shows = new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\d)`)
  let last = ''
  while (performance.now() - acknowledgedAt < POLL_FOR_MS) {
    const answer = await page(url)
    if (answer.ok && shows.test(answer.text)) return { seconds: Math.round(performance.now() - acknowledgedAt) / 1000 }
    last = answer.ok ? `${answer.seen}，仍是旧内容` : answer.seen
    await new Promise((resolve) => setTimeout(resolve, POLL_EVERY_MS))
  }
  return { seconds: null, lastSeen: last }
}

/**
 * Follows every acknowledged public change to each page that shows the article, on every
 * address readers use (the cache tier, or each app instance): its own page always; the home
 * page when it was just published (it is then the latest) or when the home page links it; its
 * column's first page and its bylines' pages when they link it. Each is polled until the new
 * title is there.
 */
export class FreshnessWatch {
  private readonly pending: Promise<unknown>[] = []
  private readonly pages: PageFreshness[] = []
  private changes = 0

  constructor(private readonly bases: string[]) {}

  follow(change: PublicChange): void {
    this.changes += 1
    const articlePath = `/articles/${encodeURIComponent(change.article.slug)}`
    const link = `/articles/${change.article.slug}`
    for (const base of this.bases) {
      const check = async (path: string) => this.pages.push({ path, base, kind: kindOf(path), ...(await secondsUntilShown(`${base}${path}`, change.title, change.acknowledgedAt)) })
      this.pending.push(check(articlePath))
      if (change.isNew) this.pending.push(check('/'))
      const lists = change.isNew ? change.article.listedOn : ['/', ...change.article.listedOn]
      for (const path of lists) {
        this.pending.push(
          page(`${base}${path}`).then(({ text }) => {
            if (text.includes(`"${link}"`) || text.includes(`"${articlePath}"`)) return check(path)
          }),
        )
      }
    }
  }

  async figures(): Promise<FreshnessFigures> {
    await Promise.all(this.pending)
    const seconds = this.pages.map((page) => page.seconds ?? Infinity)
    const finite = (value: number) => (Number.isFinite(value) ? value : null)
    const byKind: FreshnessFigures['byKind'] = {}
    for (const page of this.pages) {
      const entry = (byKind[page.kind] ??= { pages: 0, worstSeconds: 0 })
      entry.pages += 1
      entry.worstSeconds = page.seconds == null || entry.worstSeconds == null ? null : Math.max(entry.worstSeconds, page.seconds)
    }
    return {
      changes: this.changes,
      pagesChecked: this.pages.length,
      neverFresh: this.pages.filter((page) => page.seconds == null).length,
      worstSeconds: seconds.length ? finite(Math.max(...seconds)) : 0,
      p95Seconds: seconds.length ? finite(percentiles(seconds).p95) : 0,
      byKind,
      stalest: [...this.pages].sort((a, b) => (b.seconds ?? Infinity) - (a.seconds ?? Infinity)).slice(0, 10),
    }
  }
}
