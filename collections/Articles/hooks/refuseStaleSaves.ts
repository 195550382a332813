import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '../../../payload-types'
import { formatChineseDateTime } from '../../../src/newsroom/dates'
import { refusal } from '../../shared/errors'

/**
 * Optimistic concurrency: a save that carries the `updatedAt` of the copy it was made
 * from is refused when the article has changed since, so two editors can never silently
 * overwrite each other (Payload's document lock alone is released by every save). Payload
 * fills in a missing `updatedAt` from the stored article before this hook, so a client's
 * save without one is refused earlier (requireBaseVersion); a restore is rebased on the
 * current version (rebaseRestoredVersion).
 */
export const refuseStaleSaves: CollectionBeforeChangeHook<Article> = ({ data, operation, originalDoc, context }) => {
  if (operation !== 'update' || context.seeding || context.workflowTransition) return data
  const base = data.updatedAt ? Date.parse(data.updatedAt) : NaN
  const current = originalDoc?.updatedAt ? Date.parse(originalDoc.updatedAt) : NaN
  if (Number.isNaN(base) || Number.isNaN(current) || base === current) return data
  throw refusal(
    `保存被拒绝：这篇稿件已在 ${formatChineseDateTime(originalDoc!.updatedAt)} 被他人修改，您正在编辑的是旧副本。请复制您的改动，刷新页面后再保存。`,
    409,
    'staleCopy',
  )
}
