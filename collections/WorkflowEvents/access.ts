import type { CollectionConfig } from 'payload'

import { readArticleRecords } from '@/access/articles'

/** The history is written by the workflow service alone and never rewritten; staff read that of the articles they may read. */
export const workflowEventsAccess: CollectionConfig['access'] = {
  read: readArticleRecords,
  create: () => false,
  update: () => false,
  delete: () => false,
}
