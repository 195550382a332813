import type { CollectionBeforeChangeHook } from 'payload'

import type { Article } from '@payload-types'
import { formatChineseDateTime } from '@/newsroom/dates'
import { refusal } from '@collections/shared/errors'
import { describeLastChange, type LastChange } from '../lastChange/lastSave'

/** The refusal names who changed the article, so the editor knows whom to ask (or that it was their other window). */
export function staleCopyMessage({ changedAt, changedBy, byYou }: LastChange): string {
  const when = formatChineseDateTime(changedAt)
  if (byYou) return `保存被拒绝：您在另一个窗口中修改过这篇稿件（${when}），这里是修改前的旧副本。请复制您在这里的改动，重新载入最新版本后再保存。`
  const who = changedBy ? changedBy.name : '他人'
  return `保存被拒绝：这篇稿件已在 ${when} 被${who}修改，您正在编辑的是旧副本。请复制您的改动，重新载入最新版本后再保存。`
}

/**
 * Optimistic concurrency: a save that carries the `updatedAt` of the copy it was made
 * from is refused when the article has changed since, so two editors can never silently
 * overwrite each other (Payload's document lock alone is released by every save). Payload
 * fills in a missing `updatedAt` from the stored article before this hook, so a client's
 * save without one is refused earlier (requireBaseVersion); a restore is rebased on the
 * current version (rebaseRestoredVersion). The 409 carries who changed it and when
 * (`changedBy`, `changedAt`, `byYou`) for the edit view's banner.
 */
export const refuseStaleSaves: CollectionBeforeChangeHook<Article> = async ({ data, operation, originalDoc, context, req }) => {
  if (operation !== 'update' || context.seeding || context.workflowTransition) return data
  const base = data.updatedAt ? Date.parse(data.updatedAt) : NaN
  const current = originalDoc?.updatedAt ? Date.parse(originalDoc.updatedAt) : NaN
  if (Number.isNaN(base) || Number.isNaN(current) || base === current) return data
  const change = await describeLastChange(req.payload, originalDoc!.id, originalDoc!.updatedAt, req.user)
  throw refusal(staleCopyMessage(change), 409, 'staleCopy', change)
}
