import type { PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { textsOf } from '@/data/articleTexts'
import { relationId } from '@/data/relationId'
import type { SensitiveTerm } from '../dictionaries'
import { proofreadInSlices, type ProofreadResult } from '../proofread'

/** The 禁用词/慎用词 list as administrators keep it (the proofreading-terms collection). */
export async function sensitiveTermsOf(req: PayloadRequest): Promise<SensitiveTerm[]> {
  const { docs } = await req.payload.find({ collection: 'proofreading-terms', pagination: false, depth: 0, overrideAccess: true, req, select: { term: true, severity: true, suggestion: true, note: true, category: true, exceptions: true } })
  return docs.map((doc) => ({ term: doc.term, severity: doc.severity, suggestion: doc.suggestion, note: doc.note, category: doc.category, exceptions: doc.exceptions }))
}

async function bylineNamesOf(req: PayloadRequest, article: Article): Promise<string[]> {
  const ids = (article.bylines ?? []).map((entry) => relationId(entry.byline)).filter((id) => id != null)
  if (ids.length === 0) return []
  const { docs } = await req.payload.find({ collection: 'bylines', where: { id: { in: ids } }, limit: ids.length, depth: 0, overrideAccess: true, req, select: { name: true } })
  return docs.map((byline) => byline.name)
}

/** The places the paper covers: a name written two ways is checked against them. */
export async function placeNames(req: PayloadRequest): Promise<string[]> {
  const { docs } = await req.payload.find({ collection: 'regions', pagination: false, depth: 0, overrideAccess: true, req, select: { name: true } })
  return docs.map((region) => region.name)
}

/** The article's text as stored (its latest draft when given one), checked field by field; `fieldTexts` is the text checked. */
export async function proofreadArticleFields(req: PayloadRequest, article: Article): Promise<ProofreadResult & { fieldTexts: Record<string, string> }> {
  const [[fields], sensitiveTerms, bylines, places] = await Promise.all([textsOf(req, [article]), sensitiveTermsOf(req), bylineNamesOf(req, article), placeNames(req)])
  return { ...(await proofreadInSlices({ fields, sensitiveTerms, bylines, places })), fieldTexts: fields }
}

/** The checker's answer on the article, in the shape POST /api/proofread returns. */
export async function proofreadArticle(req: PayloadRequest, article: Article): Promise<ProofreadResult> {
  const { findings, characters, errorsPer10k } = await proofreadArticleFields(req, article)
  return { findings, characters, errorsPer10k }
}
