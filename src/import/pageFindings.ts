import type { PayloadRequest } from 'payload'

import type { SensitiveTerm } from '@/proofreading/dictionaries'
import type { Finding } from '@/proofreading/findings'
import { proofreadInSlices } from '@/proofreading/proofread'
import { placeNames, sensitiveTermsOf } from '@/proofreading/server/proofreadArticle'
import type { ImportedArticle, ImportedBlock } from './types'

/** The 校对 checker's answer on one article of a page, before it is a draft: what the preview lists and the results count. */
export type ImportFindings = { errors: number; warnings: number; findings: Finding[] }

const blockText = (block: ImportedBlock) => (block.type === 'photo' ? '' : block.type === 'box' ? block.label : block.text)

/** The article's text by the fields the draft will have, so a finding names the field it is in there. */
export function importedTextOf(article: ImportedArticle): Record<string, string> {
  return {
    kicker: article.kicker ?? '',
    title: article.title,
    subtitle: article.subtitle ?? '',
    body: article.body.map(blockText).filter(Boolean).join('\n'),
    captions: article.photos.map((photo) => photo.caption.trim()).filter(Boolean).join('\n'),
  }
}

export async function importedArticleFindings(article: ImportedArticle, sensitiveTerms: readonly SensitiveTerm[], places: readonly string[]): Promise<ImportFindings> {
  const { findings } = await proofreadInSlices({ fields: importedTextOf(article), sensitiveTerms, bylines: article.bylines.map((byline) => byline.name), places })
  const errors = findings.filter((finding) => finding.severity === 'error').length
  return { errors, warnings: findings.length - errors, findings }
}

/** Every article of a parsed page checked with the 禁用词/慎用词 list administrators keep and the paper's places. */
export async function pageFindings(req: PayloadRequest, articles: readonly ImportedArticle[]): Promise<ImportFindings[]> {
  if (articles.length === 0) return []
  const [sensitiveTerms, places] = await Promise.all([sensitiveTermsOf(req), placeNames(req)])
  const findings: ImportFindings[] = []
  for (const article of articles) findings.push(await importedArticleFindings(article, sensitiveTerms, places))
  return findings
}
