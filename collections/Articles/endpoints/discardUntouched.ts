import { type Endpoint, NotFound } from 'payload'

import { errorResponse } from '@collections/shared/errors'
import { discardIfUntouched } from '../untouchedDraft'

/**
 * POST /api/articles/:id/discard-untouched — the edit view, when its owner leaves a new article
 * without typing anything, asks for the empty draft Payload created on opening to go. The
 * server decides (untouchedDraft.ts), in one transaction with the delete, so a save that
 * lands first keeps the article; anything refused stays as it is (409 with the reason).
 */
export const discardUntouchedEndpoint: Endpoint = {
  path: '/:id/discard-untouched',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse('请先登录', 401)
    const id = String(req.routeParams?.id ?? '')
    try {
      const { id: discarded, problem } = await discardIfUntouched(req, id)
      return problem ? errorResponse(`没有删除：${problem}。`, 409) : Response.json({ discarded: true, id: discarded })
    } catch (error) {
      if (error instanceof NotFound || (error as { status?: number }).status === 404) return errorResponse('稿件不存在或您无权查看', 404)
      throw error
    }
  },
}
