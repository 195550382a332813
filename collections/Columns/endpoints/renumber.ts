import { commitTransaction, type Endpoint, initTransaction, killTransaction } from 'payload'

import { isEditorialUser } from '../../../src/access/roles'
import { renumberColumn } from '../../../src/planning/columnPlan'

/** POST /api/columns/:id/renumber — the explicit step that closes gaps in planned numbers. */
export const renumberEndpoint: Endpoint = {
  path: '/:id/renumber',
  method: 'post',
  handler: async (req) => {
    if (!isEditorialUser(req.user)) return Response.json({ errors: [{ message: '只有编辑可以重新编号' }] }, { status: 403 })
    const shouldCommit = await initTransaction(req)
    try {
      const changes = await renumberColumn(req.payload, req, String(req.routeParams?.id))
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ changes })
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
}
