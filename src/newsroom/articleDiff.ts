import { relationId, type DocumentId } from '@/data/relationId'
import { TEXT_FIELD_LABELS } from './articleFields'
import { type LexicalBody, type LexicalNode, lexicalToPlainText } from './lexicalText'
import { changeCounts, type DiffBudget, diffBudget, type DiffOp, diffText } from './textDiff'

/** The fields 修改留痕 compares. */
export const DIFFED_FIELDS = TEXT_FIELD_LABELS
export type DiffedField = keyof typeof DIFFED_FIELDS
export type ArticleText = Record<DiffedField, string>
export type FieldDiff = { field: DiffedField; label: string; ops: DiffOp[] }

type DiffableArticle = {
  kicker?: string | null
  title?: string | null
  subtitle?: string | null
  webTitle?: string | null
  summary?: string | null
  body?: unknown
  leadPhoto?: unknown
  photos?: unknown
  corrections?: { note?: string | null }[] | null
}

/** The photos a version shows, lead photo first, then the gallery, then those set in the body. */
export function photoIdsOf(article: DiffableArticle): DocumentId[] {
  const inBody: unknown[] = []
  const walk = (node: LexicalNode) => {
    if (node.type === 'upload') inBody.push(node.value)
    node.children?.forEach(walk)
  }
  ;((article.body as LexicalBody)?.root?.children as LexicalNode[] | undefined)?.forEach(walk)
  const ids = [article.leadPhoto, ...(Array.isArray(article.photos) ? article.photos : []), ...inBody].map(relationId).filter((id): id is DocumentId => id != null)
  const seen = new Set<string>()
  return ids.filter((id) => !seen.has(String(id)) && Boolean(seen.add(String(id))))
}

/**
 * A version's text, field by field. Captions belong to the photos (one photo may serve several
 * articles), so a version's captions are those of the photos it shows, as the photos read now.
 */
export function articleTextOf(article: DiffableArticle, captionOf: (photo: DocumentId) => string | null | undefined): ArticleText {
  return {
    kicker: article.kicker ?? '',
    title: article.title ?? '',
    subtitle: article.subtitle ?? '',
    webTitle: article.webTitle ?? '',
    summary: article.summary ?? '',
    body: lexicalToPlainText(article.body as LexicalBody),
    captions: photoIdsOf(article)
      .map((photo) => captionOf(photo)?.trim())
      .filter(Boolean)
      .join('\n'),
    corrections: (article.corrections ?? []).map((correction) => correction.note?.trim() ?? '').filter(Boolean).join('\n'),
  }
}

/**
 * Every field that has text in either version, with its edits; unchanged fields come as one equal
 * run. A caller diffing many versions passes one budget for them all.
 */
export function diffArticleTexts(from: ArticleText, to: ArticleText, budget: DiffBudget = diffBudget()): FieldDiff[] {
  return (Object.keys(DIFFED_FIELDS) as DiffedField[])
    .filter((field) => from[field] || to[field])
    .map((field) => ({ field, label: DIFFED_FIELDS[field], ops: diffText(from[field], to[field], budget) }))
}

/** Characters inserted and deleted over all fields. */
export function totalChanges(fields: readonly FieldDiff[]): { inserted: number; deleted: number } {
  return fields.reduce(
    (sum, field) => {
      const counts = changeCounts(field.ops)
      return { inserted: sum.inserted + counts.inserted, deleted: sum.deleted + counts.deleted }
    },
    { inserted: 0, deleted: 0 },
  )
}
