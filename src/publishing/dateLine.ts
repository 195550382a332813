import { toShanghaiDate } from '@/newsroom/dates'

/**
 * Every reader page prints the day's date line under the masthead, and pages stay cached for an
 * hour and more: when the Beijing day turns, the pages must be rendered again. The scheduler's
 * loop (every 15 s) asks a watcher whether the day has turned since its last tick; the first
 * tick after the server starts only notes the day, so a restart expires nothing (a server down
 * across midnight serves its cached pages until their hour is up).
 */
export function dayTurnWatcher(): (now: Date) => boolean {
  let today: string | null = null
  return (now) => {
    const day = toShanghaiDate(now)
    const turned = today !== null && day !== today
    today = day
    return turned
  }
}
