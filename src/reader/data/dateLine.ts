import { chineseDateLine, issueNumberOn, toShanghaiDate } from '@/newsroom/dates'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { cachedRead } from './articles'
import { prerenderingAtBuild, readerPayload } from './payloadClient'

/**
 * Today's date line, `2026年12月5日 星期六 农历十月廿七`: tagged so the day's turn re-renders every
 * page showing it. Empty while `next build` prerenders: a page built once would keep its day.
 */
export async function getDateLine(now: Date = new Date()): Promise<string> {
  if (prerenderingAtBuild()) return ''
  return cachedRead(['date-line', toShanghaiDate(now)], [CACHE_TAGS.dateLine], async () => chineseDateLine(now))
}

/**
 * Today's 期号, `第25339期`, when 网站设置 give one day's number: refreshed when the day turns
 * and when the settings change. Empty while prerendering, as the date line is, and when unset.
 */
export async function getIssueLine(now: Date = new Date()): Promise<string> {
  if (prerenderingAtBuild()) return ''
  const today = toShanghaiDate(now)
  try {
    return await cachedRead(['issue-line', today], [CACHE_TAGS.dateLine, CACHE_TAGS.siteSettings], async () => {
      const { issueNumbering } = await (await readerPayload()).findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false })
      if (!issueNumbering?.referenceDate || !issueNumbering.referenceNumber) return ''
      const number = issueNumberOn(today, { date: toShanghaiDate(issueNumbering.referenceDate), number: issueNumbering.referenceNumber })
      return number === null ? '' : `第${number}期`
    })
  } catch {
    return ''
  }
}
