import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Payload gives a restore's "as a draft" only to the operation, and sets the status it saves
 * with after the change hooks: until then they see the old copy's status, and would take a
 * published copy restored as a draft for a publication. rebaseRestoredVersion reads this.
 */
export const noteRestoreMode: CollectionBeforeOperationHook = ({ args, operation, context }) => {
  if (operation === 'restoreVersion') context.restoringAsDraft = Boolean((args as { draft?: boolean }).draft)
  return args
}
