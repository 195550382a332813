import type { Endpoint, PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { can, rolesWith } from '@/access/permissions'
import { inTransaction } from '@/database/transaction'
import { articleProofreading, waiveFinding, withStoredWaivers } from '@/proofreading/server/articleReview'
import { applySuggestions } from '@/proofreading/server/applySuggestions'
import type { ProofreadingCategory } from '@/proofreading/findings'
import { waiverKey } from '@/proofreading/waivers'
import { errorResponse } from '@collections/shared/errors'
import { staffArticle } from './staffArticle'

const MAX_REASON = 2_000
const FINDING_GONE = '稿件中已没有这条校对意见（可能已经改正），请刷新校对结果后再试'

const readable = (req: PayloadRequest) => staffArticle(req, '校对')

/** GET /api/articles/:id/proofreading — the 校对 panel's view: the findings on the stored draft, each with its waiver. */
export const proofreadingEndpoint: Endpoint = {
  path: '/:id/proofreading',
  method: 'get',
  handler: async (req) => {
    const article = await readable(req)
    if (article instanceof Response) return article
    return Response.json(await articleProofreading(req, article), { headers: { 'Cache-Control': 'private, no-store' } })
  },
}

type Body = { action?: unknown; finding?: Record<string, unknown>; reason?: unknown; categories?: unknown; updatedAt?: unknown }
const USAGE = '请求体须为 { "action": "waive", "finding": {…}, "reason": "理由" }、{ "action": "accept", "finding": {…} } 或 { "action": "acceptAll", "categories"?: [...] }'

async function waive(req: PayloadRequest, article: Article, body: Body): Promise<Response> {
  if (!can(req.user, 'waiveProofreadingFindings')) return errorResponse(`只有${rolesWith('waiveProofreadingFindings')}可以豁免校对意见`, 403)
  const reason = typeof body.reason === 'string' ? body.reason.trim() : ''
  if (!reason) return errorResponse('豁免须写明理由（reason）', 400)
  if (reason.length > MAX_REASON) return errorResponse(`豁免理由最多 ${MAX_REASON} 字`, 400)
  const proofreading = await articleProofreading(req, article)
  const wanted = waiverKey(body.finding as Parameters<typeof waiverKey>[0])
  const finding = proofreading.findings.find((candidate) => waiverKey(candidate) === wanted)
  if (!finding) return errorResponse(FINDING_GONE, 409)
  if (!finding.waiver) await inTransaction(req, () => waiveFinding(req, article.id, finding, reason))
  return Response.json(await withStoredWaivers(req, article.id, proofreading))
}

/**
 * Puts suggestions into the stored draft, saved as the signed-in user would save it (their
 * access, the stale-copy check against the version the panel showed when it sends `updatedAt`).
 */
async function accept(req: PayloadRequest, article: Article, body: Body): Promise<Response> {
  if (typeof body.updatedAt === 'string' && Date.parse(body.updatedAt) !== Date.parse(article.updatedAt)) {
    return errorResponse('稿件已被修改：请先保存或刷新，再采纳校对建议', 409)
  }
  const { findings } = await articleProofreading(req, article)
  const open = findings.filter((finding) => !finding.waiver && finding.suggestion !== null)
  let chosen = open
  if (body.action === 'accept') {
    const wanted = body.finding ?? {}
    chosen = open.filter((finding) => waiverKey(finding) === waiverKey(wanted as Parameters<typeof waiverKey>[0]) && finding.offset === wanted.offset)
    if (chosen.length === 0) return errorResponse(FINDING_GONE, 409)
  } else if (Array.isArray(body.categories)) {
    const categories = new Set(body.categories as ProofreadingCategory[])
    chosen = open.filter((finding) => categories.has(finding.category))
  }
  const { data, applied, skipped } = applySuggestions(article, chosen)
  if (applied.length === 0) return errorResponse(skipped.length > 0 ? '这些校对意见无法自动改正（跨段落、在图片说明中或没有建议），请在编辑器中手动修改' : '没有可以采纳的校对建议', 409)
  const saved = await req.payload.update({ collection: 'articles', id: article.id, draft: true, data: { ...data, updatedAt: article.updatedAt }, overrideAccess: false, req, depth: 0 })
  return Response.json({ applied: applied.length, skipped: skipped.length, updatedAt: saved.updatedAt, ...(await articleProofreading(req, saved)) })
}

/**
 * POST /api/articles/:id/proofreading — a signer keeps a finding, saying why (`waive`), or
 * anyone who may edit the article takes one suggestion (`accept`) or all of them, or those of
 * some categories (`acceptAll`, e.g. every full-width mark for the half-width ones of a page).
 */
export const proofreadingActionEndpoint: Endpoint = {
  path: '/:id/proofreading',
  method: 'post',
  handler: async (req) => {
    const article = await readable(req)
    if (article instanceof Response) return article
    const body = (await req.json?.().catch(() => null)) as Body | null
    if (body?.action === 'waive' && body.finding && typeof body.finding === 'object') return waive(req, article, body)
    if ((body?.action === 'accept' && body.finding && typeof body.finding === 'object') || body?.action === 'acceptAll') return accept(req, article, body)
    return errorResponse(USAGE, 400)
  },
}
