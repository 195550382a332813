import type { GlobalConfig } from 'payload'

import { allowed, publishedOrStaff } from '@/access/rules'

/**
 * Readers see the published layout only: the draft an editor is still arranging may name
 * stories not yet out, and is for the newsroom and its preview.
 */
export const frontPageAccess: GlobalConfig['access'] = {
  read: publishedOrStaff,
  update: allowed('layOutSite'),
  readVersions: allowed('layOutSite'),
}
