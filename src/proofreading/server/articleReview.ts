import type { PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import type { Finding } from '../findings'
import type { ProofreadResult } from '../proofread'
import { type ReviewedFinding, type Waiver, waiverKey, withWaivers } from '../waivers'
import { proofreadArticleFields } from './proofreadArticle'

export type StoredWaiver = Waiver & { waivedByName: string | null; text: string | null; message: string | null; field: string | null }
export type ArticleProofreading = Omit<ProofreadResult, 'findings'> & { findings: ReviewedFinding[]; waivers: StoredWaiver[]; fieldTexts: Record<string, string> }

/** Every waiver given on the article, oldest first, with the name of who gave it. */
export async function waiversOf(req: PayloadRequest, articleId: DocumentId): Promise<StoredWaiver[]> {
  const { docs } = await req.payload.find({ collection: 'proofreading-waivers', where: { article: { equals: articleId } }, sort: 'createdAt', pagination: false, depth: 1, overrideAccess: true, req })
  return docs.map((doc) => {
    const by = typeof doc.waivedBy === 'object' && doc.waivedBy ? doc.waivedBy : null
    return { key: doc.key, reason: doc.reason, waivedBy: by ? String(by.id) : doc.waivedBy == null ? null : String(relationId(doc.waivedBy)), waivedAt: doc.createdAt, waivedByName: by?.name ?? null, text: doc.text ?? null, message: doc.message ?? null, field: doc.field ?? null }
  })
}

/** The checker's findings on the article as stored, each with the waiver that keeps it, if any. */
export async function articleProofreading(req: PayloadRequest, article: Article): Promise<ArticleProofreading> {
  const [result, waivers] = await Promise.all([proofreadArticleFields(req, article), waiversOf(req, article.id)])
  return { ...result, findings: withWaivers(result.findings, waivers), waivers }
}

/** The same findings with the waivers as stored now: after a waiver is given the text is unchanged, so the check need not run again. */
export async function withStoredWaivers(req: PayloadRequest, articleId: DocumentId, proofreading: ArticleProofreading): Promise<ArticleProofreading> {
  const waivers = await waiversOf(req, articleId)
  return { ...proofreading, findings: withWaivers(proofreading.findings, waivers), waivers }
}

/** Records a signer's waiver of one current finding, in the request's transaction. */
export async function waiveFinding(req: PayloadRequest, articleId: DocumentId, finding: Finding, reason: string): Promise<void> {
  await req.payload.create({
    collection: 'proofreading-waivers',
    data: { article: articleId as number, key: waiverKey(finding), category: finding.category, field: finding.field, text: finding.text, message: finding.message, reason, waivedBy: req.user?.id },
    overrideAccess: true,
    req,
  })
}
