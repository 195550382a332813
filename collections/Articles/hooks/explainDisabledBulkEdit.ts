import { type CollectionAfterErrorHook, formatErrors } from 'payload'

import { refusal } from '@collections/shared/errors'

/** Payload refuses a bulk update of the collection (disableBulkEdit) before any hook, in English. */
const isBulkEditRefusal = (error: Error) => (error as Error & { status?: unknown }).status === 403 && error.message.endsWith('has disabled bulk edit')

/** The refusal in the newsroom's words, with the reason: a bulk edit cannot carry each article's version. */
export const explainDisabledBulkEdit: CollectionAfterErrorHook = ({ error }) => {
  if (!isBulkEditRefusal(error)) return
  const message = '不能批量修改稿件：批量修改无法说明每篇稿件所依据的版本（updatedAt），可能覆盖他人的修改。请逐篇打开稿件修改后保存。'
  return { response: formatErrors(refusal(message, 403, 'bulkEditDisabled')), status: 403 }
}
