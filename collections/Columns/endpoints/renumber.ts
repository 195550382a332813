import type { Endpoint } from 'payload'

import { isEditorialUser } from '@/access/roles'
import { inTransaction } from '@/database/transaction'
import { renumberColumn } from '@/planning/columnPlan'

/** POST /api/columns/:id/renumber — the explicit step that closes gaps in planned numbers. */
export const renumberEndpoint: Endpoint = {
  path: '/:id/renumber',
  method: 'post',
  handler: async (req) => {
    if (!isEditorialUser(req.user)) return Response.json({ errors: [{ message: '只有编辑可以重新编号' }] }, { status: 403 })
    const changes = await inTransaction(req, () => renumberColumn(req.payload, req, String(req.routeParams?.id)))
    return Response.json({ changes })
  },
}
