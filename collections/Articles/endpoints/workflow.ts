import type { Endpoint, PayloadRequest } from 'payload'

import { REVIEW_LEVELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { WORKFLOW_ACTIONS, type WorkflowAction, WorkflowError } from '@/newsroom/workflow'
import { inTransaction } from '@/database/transaction'
import { transitionArticle, workflowOptions } from '@/workflow/transitionArticle'
import { errorResponse } from '@collections/shared/errors'

const STATUS_FOR_REASON = { notAllowed: 403, wrongState: 409, noteRequired: 400, badTime: 400 } as const

function articleId(req: PayloadRequest): string {
  return String(req.routeParams?.id ?? '')
}

/** GET /api/articles/:id/workflow — the state and the actions this user may take now. */
export const workflowOptionsEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return errorResponse('请先登录', 401)
    try {
      return Response.json(await workflowOptions(req.payload, req, articleId(req)))
    } catch (error) {
      if (error instanceof WorkflowError) return errorResponse(error.message, 404)
      throw error
    }
  },
}

/**
 * POST /api/articles/:id/workflow — one workflow transition: `{ action, note?, publishAt? }`, a
 * signature `{ action: 'sign', level, opinion? }` or a return `{ action: 'return', level, note }`.
 */
export const workflowTransitionEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse('请先登录', 401)
    const body = (await req.json?.().catch(() => null)) as { action?: unknown; level?: unknown; note?: unknown; opinion?: unknown; publishAt?: unknown } | null
    const action = body?.action
    if (typeof action !== 'string' || !WORKFLOW_ACTIONS.includes(action as WorkflowAction)) {
      return errorResponse(`action 必须是以下之一：${WORKFLOW_ACTIONS.join(', ')}`, 400)
    }
    const level = body?.level
    if (level !== undefined && level !== null && (typeof level !== 'string' || !REVIEW_LEVELS.includes(level as ReviewLevel))) {
      return errorResponse(`level 必须是以下之一：${REVIEW_LEVELS.join(', ')}`, 400)
    }
    // A signature's 审稿意见 may come as `opinion`; a return's reason as `note`.
    const note = typeof body?.note === 'string' ? body.note : typeof body?.opinion === 'string' ? body.opinion : null
    const publishAt = typeof body?.publishAt === 'string' ? new Date(body.publishAt) : null
    try {
      const article = await inTransaction(req, () => transitionArticle(req.payload, req, { id: articleId(req), action: action as WorkflowAction, level: (level as ReviewLevel | undefined) ?? null, note, publishAt }))
      return Response.json({ id: article.id, state: article.workflowState, status: article._status, scheduledFor: article.scheduledFor ?? null, updatedAt: article.updatedAt })
    } catch (error) {
      if (error instanceof WorkflowError) return errorResponse(error.message, STATUS_FOR_REASON[error.reason])
      throw error
    }
  },
}
