import type { SiteSetting } from '@payload-types'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { cachedRead } from './articles'
import { prerenderingAtBuild, readerPayload } from './payloadClient'

export type SiteFooterSettings = Pick<SiteSetting, 'icpNumber' | 'publicSecurityNumber' | 'newsLicence' | 'reportPhone' | 'reportAddress'>

/**
 * The legal footer's settings (网站设置), as readers may read them. Never read while `next build`
 * prerenders (there is no database to ask then), and a failed read is not cached: the footer
 * then leaves the lines out until the next render rather than failing the page.
 */
export async function getSiteFooterSettings(): Promise<SiteFooterSettings> {
  if (prerenderingAtBuild()) return {}
  try {
    return await cachedRead(['site-settings'], [CACHE_TAGS.siteSettings], async () => {
      const settings = await (await readerPayload()).findGlobal({ slug: 'site-settings', depth: 0, overrideAccess: false })
      return { icpNumber: settings.icpNumber, publicSecurityNumber: settings.publicSecurityNumber, newsLicence: settings.newsLicence, reportPhone: settings.reportPhone, reportAddress: settings.reportAddress }
    })
  } catch {
    return {}
  }
}
