import type { DocumentId } from '@/data/relationId'
/**
 * Bylines journalists propose from an article (a new 通讯员, a photographer) wait for an
 * editor's confirmation: what counts as the same person, and how a refusal names them.
 */

type BylineLike = { id: DocumentId; name: string; organisation?: string | null; status?: string | null }

const organisationKey = (organisation: string | null | undefined): string => (organisation ?? '').trim()

/** No organisation and an empty one are the same; otherwise the text must match. */
export const sameBylineOrganisation = (a: string | null | undefined, b: string | null | undefined): boolean => organisationKey(a) === organisationKey(b)

export const isPendingByline = (byline: Pick<BylineLike, 'status'>): boolean => byline.status === 'pending'

const quoted = (byline: Pick<BylineLike, 'name' | 'organisation'>): string => {
  const organisation = organisationKey(byline.organisation)
  return `“${byline.name}${organisation ? `（${organisation}）` : ''}”`
}

export function duplicateBylineMessage(existing: BylineLike): string {
  const state = isPendingByline(existing) ? '，已有人提出，正等编辑确认' : ''
  return `署名${quoted(existing)}已存在（编号 ${existing.id}${state}）：请在稿件的署名里直接选择它，不要重复新建`
}

/** Why an article crediting these unconfirmed bylines cannot go out yet. */
export function pendingBylinesMessage(pending: readonly Pick<BylineLike, 'name' | 'organisation'>[]): string {
  return `署名${pending.map(quoted).join('')}尚待编辑确认，确认后才能签发或排期`
}
