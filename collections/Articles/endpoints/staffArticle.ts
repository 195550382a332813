import { NotFound, type PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { isStaffUser } from '@/access/roles'
import { errorResponse } from '@collections/shared/errors'

export const ARTICLE_NOT_FOUND = '稿件不存在或您无权查看'

/** Its latest draft as this user may read it, or a 404 that says no more about whether it exists. */
export async function articleForUser(req: PayloadRequest, id: string): Promise<Article | Response> {
  try {
    return await req.payload.findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: false, req })
  } catch (error) {
    if (error instanceof NotFound || [400, 404].includes((error as { status?: number }).status ?? 0)) return errorResponse(ARTICLE_NOT_FOUND, 404)
    throw error
  }
}

/**
 * The route's article as the signed-in staff member may read it (journalists their own), or the
 * response to send instead: the newsroom's records of an article are never a reader's.
 * `what` names them in the refusal to a signed-in reader: 审稿记录, 校对.
 */
export async function staffArticle(req: PayloadRequest, what: string): Promise<Article | Response> {
  if (!req.user) return errorResponse('请先登录', 401)
  if (!isStaffUser(req.user)) return errorResponse(`${what}只对编辑部人员开放`, 403)
  return articleForUser(req, String(req.routeParams?.id ?? ''))
}
