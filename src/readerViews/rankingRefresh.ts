import type { Payload } from 'payload'

import { articleViewService } from './service'
import { rankBothWindows } from './ranking'

/** How often the 热点排行 may change on the reader site at most. MOST_READ_REFRESH_SECONDS overrides it (tests). */
export const rankingRefreshMs = (env: NodeJS.ProcessEnv = process.env) => Math.max(1, Number(env.MOST_READ_REFRESH_SECONDS) || 300) * 1000

/** As many places as the front page shows, and some more: a place among them changing is what readers would see. */
const WATCHED_PLACES = 30

/**
 * Asked on each tick of the scheduler's loop (inside a request, where Next.js lets the cache be
 * expired): whether the most-read lists should be rendered again. Yes when views were written since
 * it last looked, the refresh interval has passed and the order of the leading articles changed.
 * The first look after a start says yes once if anything is ranked, since pages cached before it
 * may show an older order; with nothing ranked there is nothing a cached page could show wrongly,
 * and a new site's pages stay cached.
 */
export function rankingChangeWatcher(intervalMs = rankingRefreshMs()): (payload: Payload, now?: Date) => Promise<boolean> {
  let lastLook = -Infinity
  let writesSeen = -1
  let order: string | null = null
  return async (payload, now = new Date()) => {
    const writes = articleViewService(payload).writes
    if (now.getTime() - lastLook < intervalMs || writes === writesSeen) return false
    lastLook = now.getTime()
    writesSeen = writes
    let rankings: string[][]
    try {
      rankings = Object.values(await rankBothWindows(payload, now)).map((ranked) => ranked.slice(0, WATCHED_PLACES).map((entry) => String(entry.article)))
    } catch (error) {
      // The scheduler's tick publishes articles: a failed look at the ranking must not stop it.
      payload.logger.warn({ err: error, msg: '热点排行：读取阅读量失败，下次再试' })
      return false
    }
    const current = JSON.stringify(rankings)
    const changed = order === null ? rankings.some((ranked) => ranked.length > 0) : current !== order
    order = current
    return changed
  }
}
