import { commitTransaction, type Endpoint, initTransaction, killTransaction, NotFound } from 'payload'

import { notDiscardableBecause } from '../untouchedDraft'

const errorResponse = (message: string, status: number) => Response.json({ errors: [{ message }] }, { status })

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
    const shouldCommit = await initTransaction(req)
    try {
      const article = await req.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: false, req })
      const problem = await notDiscardableBecause(req, article)
      if (problem) {
        await killTransaction(req)
        return errorResponse(`没有删除：${problem}。`, 409)
      }
      // A journalist may not delete articles; an empty draft of their own that they never typed into is not one to keep.
      await req.payload.delete({ collection: 'articles', id: article.id, overrideAccess: true, req })
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ discarded: true, id: article.id })
    } catch (error) {
      await killTransaction(req)
      if (error instanceof NotFound || (error as { status?: number }).status === 404) return errorResponse('稿件不存在或您无权查看', 404)
      throw error
    }
  },
}
