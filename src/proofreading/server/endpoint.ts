import type { Endpoint, PayloadRequest } from 'payload'

import { isStaffUser } from '@/access/roles'
import { articleForUser } from '@collections/Articles/endpoints/staffArticle'
import { errorResponse } from '@collections/shared/errors'
import { MAX_PROOFREAD_CHARACTERS, proofreadInSlices } from '../proofread'
import { proofreadArticle, sensitiveTermsOf } from './proofreadArticle'

const USAGE = '请求体须为 JSON：{ "text": "要校对的文字" } 或 { "article": 稿件编号 }'

async function articleResponse(req: PayloadRequest, id: unknown): Promise<Response> {
  if ((typeof id !== 'string' && typeof id !== 'number') || String(id).trim() === '') return errorResponse('article 须为稿件编号', 400)
  const article = await articleForUser(req, String(id))
  return article instanceof Response ? article : Response.json(await proofreadArticle(req, article))
}

/**
 * POST /api/proofread — the 校对 checker (src/proofreading) on `{ text }` or on a stored article
 * `{ article: id }`, for staff: `{ findings, characters, errorsPer10k }`. Reads and writes nothing
 * else; text over MAX_PROOFREAD_CHARACTERS is refused with 413 before it is checked.
 */
export const proofreadEndpoint: Endpoint = {
  path: '/proofread',
  method: 'post',
  handler: async (req) => {
    if (!req.user) return errorResponse('请先登录', 401)
    if (!isStaffUser(req.user)) return errorResponse('校对只对编辑部人员开放', 403)
    const body = (await req.json?.().catch(() => null)) as Record<string, unknown> | null
    if (!body || typeof body !== 'object' || Array.isArray(body)) return errorResponse(USAGE, 400)
    if ('article' in body) return articleResponse(req, body.article)
    if (typeof body.text !== 'string') return errorResponse(`text 须为字符串。${USAGE}`, 400)
    if (body.text.length > MAX_PROOFREAD_CHARACTERS) return errorResponse(`文本过长：一次最多校对 ${MAX_PROOFREAD_CHARACTERS.toLocaleString('zh-CN')} 个字符，收到 ${body.text.length.toLocaleString('zh-CN')} 个`, 413)
    return Response.json(await proofreadInSlices({ fields: { text: body.text }, sensitiveTerms: await sensitiveTermsOf(req) }))
  },
}
