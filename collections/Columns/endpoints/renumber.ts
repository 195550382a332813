import type { Endpoint } from 'payload'

import { can, rolesWith } from '@/access/permissions'
import { inTransaction } from '@/database/transaction'
import { renumberColumn } from '@/planning/columnPlan'

/** POST /api/columns/:id/renumber — the explicit step that closes gaps in planned numbers. */
export const renumberEndpoint: Endpoint = {
  path: '/:id/renumber',
  method: 'post',
  handler: async (req) => {
    if (!can(req.user, 'editReferenceData')) return Response.json({ errors: [{ message: `只有${rolesWith('editReferenceData')}可以重新编号` }] }, { status: 403 })
    const changes = await inTransaction(req, () => renumberColumn(req.payload, req, String(req.routeParams?.id)))
    return Response.json({ changes })
  },
}
