import type { CollectionBeforeOperationHook } from 'payload'

import { refusal } from '../../shared/errors'

/**
 * Taking a published article offline is a retraction, with a notice for readers and a
 * record of who did it; a plain "unpublish" save would do it silently, so it is refused.
 */
export const refuseUnpublishing: CollectionBeforeOperationHook = async ({ args, operation, context, req }) => {
  if (operation !== 'update' || context.seeding || context.workflowTransition) return args
  const { id, draft, data } = args as { id?: number | string; draft?: boolean; data?: { _status?: string } }
  if (draft || data?._status !== 'draft' || id == null) return args
  const current = await req.payload.findByID({ collection: 'articles', id, depth: 0, overrideAccess: true, req, select: { _status: true } })
  if (current?._status === 'published') {
    throw refusal('已发布的稿件不能直接取消发布：如需下线，请由编辑执行“撤稿”并填写撤稿说明', 403, 'useRetraction')
  }
  return args
}
