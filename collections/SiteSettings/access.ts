import type { GlobalConfig } from 'payload'

import { allowed } from '@/access/rules'

/** The law has every reader see these numbers in the footer; administrators keep them. */
export const siteSettingsAccess: GlobalConfig['access'] = {
  read: () => true,
  update: allowed('manageSiteSettings'),
}
