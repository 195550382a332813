import type { Endpoint, PayloadRequest } from 'payload'

import { reviewSheetOf } from '@/workflow/reviewSheet'
import { diffVersions } from '@/workflow/versionText'
import { errorResponse } from '@collections/shared/errors'
import { staffArticle } from './staffArticle'

const readableArticle = (req: PayloadRequest) => staffArticle(req, '审稿记录')

/** GET /api/articles/:id/review-sheet — the 审稿单 as JSON (src/workflow/reviewSheet.ts). */
export const reviewSheetEndpoint: Endpoint = {
  path: '/:id/review-sheet',
  method: 'get',
  handler: async (req) => {
    const article = await readableArticle(req)
    if (article instanceof Response) return article
    return Response.json(await reviewSheetOf(req, article), { headers: { 'Cache-Control': 'private, no-store' } })
  },
}

/** GET /api/articles/:id/diff?from=<versionId>&to=<versionId> — 修改留痕 between two versions, field by field. */
export const versionDiffEndpoint: Endpoint = {
  path: '/:id/diff',
  method: 'get',
  handler: async (req) => {
    const from = req.searchParams.get('from')?.trim()
    const to = req.searchParams.get('to')?.trim()
    if (!from || !to) return errorResponse('请用 from 和 to 两个参数给出要比较的版本编号', 400)
    const article = await readableArticle(req)
    if (article instanceof Response) return article
    const fields = await diffVersions(req, article.id, from, to)
    if (!fields) return errorResponse('找不到要比较的版本：版本编号有误、不属于这篇稿件，或已按保留上限删除', 404)
    return Response.json({ from, to, fields }, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}
