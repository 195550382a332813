import type { CollectionConfig } from 'payload'

import { label } from '@collections/shared/labels'
import { articleViewsAccess } from './access'
import { viewBeaconEndpoints } from './endpoints/beacon'

/**
 * How many times readers opened an article on one Beijing calendar day (阅读量): one row per
 * article per day, added to by the view counter's flush. Nothing about a reader is stored:
 * the counter keeps its de-duplication in memory only (src/readerViews/counter.ts).
 */
export const ArticleViews: CollectionConfig = {
  slug: 'article-views',
  labels: { singular: label('阅读量', 'Article views'), plural: label('阅读量', 'Article views') },
  access: articleViewsAccess,
  admin: { defaultColumns: ['day', 'article', 'views'], group: label('系统', 'System'), description: label('每篇稿件每天（北京时间）的阅读次数，由服务器统计，不可手工修改', 'Views per article per Beijing day, counted by the server') },
  defaultSort: '-day',
  endpoints: viewBeaconEndpoints,
  // One row per article per day: two flushes racing (two server processes) cannot split a day's count.
  indexes: [{ fields: ['article', 'day'], unique: true }],
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true, label: label('稿件', 'Article'), admin: { readOnly: true } },
    { name: 'day', type: 'text', required: true, index: true, label: label('日期（北京时间）', 'Day (Beijing)'), admin: { readOnly: true } },
    { name: 'views', type: 'number', required: true, defaultValue: 0, min: 0, label: label('阅读次数', 'Views'), admin: { readOnly: true } },
  ],
}
