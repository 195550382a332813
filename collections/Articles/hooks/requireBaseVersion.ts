import type { CollectionBeforeOperationHook } from 'payload'

import { refusal } from '@collections/shared/errors'

const API_CLIENTS: ReadonlySet<string> = new Set(['REST', 'GraphQL'])

const isTime = (value: unknown): value is string => typeof value === 'string' && !Number.isNaN(Date.parse(value))

/**
 * refuseStaleSaves can only compare a save with the version it was made from if the save says
 * which one that was: without `updatedAt` a client's save would overwrite whatever another
 * editor saved in between. The admin's form, its autosave and its 发布 button send the whole
 * form, `updatedAt` included; the workflow endpoint, the scheduler, the seed and the importer
 * write through the Local API with overrideAccess, and are trusted.
 */
export const requireBaseVersion: CollectionBeforeOperationHook = ({ args, operation, overrideAccess, req }) => {
  if (operation !== 'update' || overrideAccess || !API_CLIENTS.has(req.payloadAPI)) return args
  if (isTime((args as { data?: { updatedAt?: unknown } }).data?.updatedAt)) return args
  throw refusal(
    '保存被拒绝：缺少 updatedAt（您修改所依据的稿件版本的更新时间）。请先读取稿件，把读到的 updatedAt 随修改一起发送，以免覆盖他人在此期间保存的修改。',
    400,
    'baseVersionRequired',
  )
}
