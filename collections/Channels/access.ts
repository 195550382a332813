import type { CollectionConfig } from 'payload'

import { allowed, anyone } from '@/access/rules'

/** Channels are the reader site's navigation: everyone reads them, the site's editors keep them. */
export const channelsAccess: CollectionConfig['access'] = {
  read: anyone,
  create: allowed('layOutSite'),
  update: allowed('layOutSite'),
  delete: allowed('layOutSite'),
}
