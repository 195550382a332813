import { chineseDateLine, toShanghaiDate } from '@/newsroom/dates'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { cachedRead } from './articles'
import { prerenderingAtBuild } from './payloadClient'

/**
 * Today's date line, `2026年12月5日 星期六 农历十月廿七`: tagged so the day's turn re-renders every
 * page showing it. Empty while `next build` prerenders: a page built once would keep its day.
 */
export async function getDateLine(now: Date = new Date()): Promise<string> {
  if (prerenderingAtBuild()) return ''
  return cachedRead(['date-line', toShanghaiDate(now)], [CACHE_TAGS.dateLine], async () => chineseDateLine(now))
}
