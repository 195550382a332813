import { type Endpoint, NotFound } from 'payload'

import { errorResponse } from '@collections/shared/errors'
import { describeLastChange } from '../lastChange/lastSave'

/**
 * GET /api/articles/:id/last-change — the `updatedAt` of the article's latest version, who
 * saved it, and that version's id (for the admin's version comparison). The edit view asks after a refused save or when its window comes back into view,
 * to tell whether it holds an old copy, and whose change it missed.
 */
export const lastChangeEndpoint: Endpoint = {
  path: '/:id/last-change',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse('请先登录', 401)
    const id = String(req.routeParams?.id ?? '')
    try {
      const article = await req.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: false, req, select: { updatedAt: true } })
      const latest = await req.payload
        .findVersions({ collection: 'articles', where: { parent: { equals: article.id } }, sort: '-updatedAt', limit: 1, depth: 0, overrideAccess: false, req, select: { updatedAt: true } })
        .catch(() => null)
      const versionId = latest?.docs[0]?.id ?? null
      return Response.json({ updatedAt: article.updatedAt, versionId, ...(await describeLastChange(req.payload, article.id, article.updatedAt, req.user)) })
    } catch (error) {
      if (error instanceof NotFound || (error as { status?: number }).status === 404) return errorResponse('稿件不存在或您无权查看', 404)
      throw error
    }
  },
}
