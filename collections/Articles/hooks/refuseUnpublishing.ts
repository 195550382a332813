import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { isStaffUser } from '@/access/roles'
import type { DocumentId as Id } from '@/data/relationId'
import { refusal } from '@collections/shared/errors'


async function refuseIfPublished(req: PayloadRequest, id: Id, message: string): Promise<void> {
  const current = await req.payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true, req, select: { _status: true } })
  if (current?._status === 'published') throw refusal(message, 403, 'useRetraction')
}

/** A restore that is not saved as a draft writes the old copy's status: an unpublished copy takes the article offline. */
async function restoredStatus(req: PayloadRequest, versionId: Id): Promise<{ parent: Id; status?: string } | null> {
  const { docs } = await req.payload.db.findVersions({ collection: 'articles', where: { id: { equals: versionId } }, limit: 1, pagination: false, req })
  const [version] = docs as { parent: Id; version?: { _status?: string } }[]
  return version ? { parent: version.parent, status: version.version?._status } : null
}

/**
 * Taking a published article offline is a retraction, with a notice for readers and a
 * record of who did it; a plain "unpublish" save, or restoring an unpublished version over
 * the published one, would do it silently, so both are refused.
 */
export const refuseUnpublishing: CollectionBeforeOperationHook = async ({ args, operation, context, req }) => {
  if (context.seeding || context.workflowTransition) return args
  const { id, draft, data } = args as { id?: Id; draft?: boolean; data?: { _status?: string } }
  if (draft || id == null) return args
  if (operation === 'update' && data?._status === 'draft') {
    await refuseIfPublished(req, id, '已发布的稿件不能直接取消发布：如需下线，请由编辑执行“撤稿”并填写撤稿说明')
  }
  // Only staff may restore at all (Payload's access check comes after this hook): anyone else
  // must not learn from this message that a version exists or that an article has pending changes.
  if (operation === 'restoreVersion' && isStaffUser(req.user)) {
    const restored = await restoredStatus(req, id)
    if (restored && restored.status !== 'published') {
      await refuseIfPublished(
        req,
        restored.parent,
        '已发布的稿件不能直接恢复为未发布的版本（那样稿件会悄悄下线）：请“恢复为草稿”（接口加 draft=true），改好后再发布修改；如需下线，请由编辑执行“撤稿”',
      )
    }
  }
  return args
}
