import type { Article, Byline, Column, Photo } from '@payload-types'
import type { BylineEntry, BylineRole } from './bylines'
import { formatColumnLabel } from './columnLabel'
import { formatPhotoCredit } from './credits'
import { REVIEW_LEVEL_LABELS } from './reviewChain'

/** A relationship as its document when populated (depth ≥ 1), else null. */
export const populated = <T extends object>(value: unknown): T | null =>
  value && typeof value === 'object' ? (value as T) : null

/** The populated documents of a hasMany relationship, ids left out. */
export const populatedList = <T extends object>(values: unknown[] | null | undefined): T[] =>
  (values ?? []).filter((value): value is T => Boolean(value) && typeof value === 'object')

export function columnOf(article: Pick<Article, 'column'>): Column | null {
  return populated<Column>(article.column)
}

/** `善治天心②` for an article in a column, or null. */
export function columnLabelOf(article: Pick<Article, 'column' | 'installment'>): string | null {
  const column = columnOf(article)
  if (!column) return null
  return formatColumnLabel({
    columnName: column.name,
    parentName: populated<Column>(column.parent)?.name ?? null,
    numberingStyle: column.numberingStyle,
    partSeparator: column.partSeparator,
    installment: article.installment,
  })
}

export type PresentedByline = BylineEntry & { slug: string | null; kind: Byline['kind'] | null }

export function bylinesOf(article: Pick<Article, 'bylines'>): PresentedByline[] {
  return (article.bylines ?? []).flatMap((row) => {
    const byline = populated<Byline>(row.byline)
    return byline ? [{ name: byline.name, role: row.role as BylineRole, slug: byline.slug ?? null, kind: byline.kind ?? null }] : []
  })
}

export function photoCreditOf(photo: Photo): string {
  const name = populated<Byline>(photo.creditByline)?.name ?? photo.creditText ?? ''
  return formatPhotoCredit(name, photo.creditKind ?? 'photographer')
}

export function photoOf(value: unknown): Photo | null {
  return populated<Photo>(value)
}

/** When readers should see it as changed: the last correction, else the first publication. */
export function lastCorrectedAt(article: Pick<Article, 'corrections'>): string | null {
  return article.corrections?.at(-1)?.correctedAt ?? null
}

/** What search engines and link previews are told as the article's modified time. */
export function modifiedAtOf(article: Pick<Article, 'corrections' | 'publishedAt' | 'updatedAt'>): string {
  return lastCorrectedAt(article) ?? article.publishedAt ?? article.updatedAt
}

/** The picture to share the article with: the editors' choice, else the lead photo. */
export function sharePhotoOf(article: Pick<Article, 'seo' | 'leadPhoto'>): Photo | null {
  return populated<Photo>(article.seo?.image) ?? populated<Photo>(article.leadPhoto)
}

/** 责任编辑 as printed after the text: the name an editor set, else the 初审 signer's. */
export function responsibleEditorOf(article: Pick<Article, 'responsibleEditor' | 'reviewSigners'>): string | null {
  return article.responsibleEditor?.trim() || article.reviewSigners?.first?.trim() || null
}

/** `初审：X 复审：Y 终审：Z` (separated by ideographic spaces), the levels signed, as government and institutional sites print them. */
export function reviewSignersLine(article: Pick<Article, 'reviewSigners'>): string | null {
  const signers = article.reviewSigners
  const parts = (['first', 'second', 'final'] as const).flatMap((level) => {
    const name = signers?.[level]?.trim()
    return name ? [`${REVIEW_LEVEL_LABELS[level]}：${name}`] : []
  })
  return parts.length > 0 ? parts.join('\u3000') : null
}

/** The smallest stored rendition of a photo, for a list's thumbnail: null without one whose size is known (it would shift the page). */
export function thumbnailOf(photo: Photo | null): { url: string; width: number; height: number } | null {
  const thumbnail = photo?.sizes?.thumbnail
  return thumbnail?.url && thumbnail.width && thumbnail.height ? { url: thumbnail.url, width: thumbnail.width, height: thumbnail.height } : null
}
