import type { Article } from '@payload-types'

/** What the desk writes for the paper's own copy, as datelines print it (本报讯). */
export const OWN_OUTLET = '本报'

/** The sources a regional daily runs most, offered to the desk as examples. */
export const SUGGESTED_OUTLETS = [OWN_OUTLET, '新华社', '中国新闻社', '人民日报', '湖南日报', '经济日报', '光明日报'] as const

/** The 来源 as set, or null when none is (articles from before the field, or one cleared on purpose). */
export function outletOf(article: Pick<Article, 'outlet'>): string | null {
  return article.outlet?.trim() || null
}

/** Copy from another organisation (wire copy, a reprint): its 来源 is neither empty nor the paper itself. */
export function syndicatedOutletOf(article: Pick<Article, 'outlet'>): string | null {
  const outlet = outletOf(article)
  return outlet && outlet !== OWN_OUTLET ? outlet : null
}

/** `来源：新华社`, as sites print it after the date. */
export function outletLine(article: Pick<Article, 'outlet'>): string | null {
  const outlet = outletOf(article)
  return outlet ? `来源：${outlet}` : null
}
