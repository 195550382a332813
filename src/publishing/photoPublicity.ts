import type { Payload, PayloadRequest, Where } from 'payload'

import type { Article, Column } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'

/**
 * A photo is public once something public shows it: an article that is published and not
 * retracted, or a column (columns are always public). Until then, a photo uploaded for an
 * embargoed draft, its caption, credit and files stay inside the newsroom. The flag on the
 * photo is derived, kept in step in the same transaction as the change that shows or hides
 * it, so the read rule is a plain indexed condition the file route can apply too.
 */

type BodyNode = { type?: string; relationTo?: string; value?: unknown; children?: BodyNode[] }

function photosInBody(nodes: BodyNode[] | undefined): DocumentId[] {
  return (nodes ?? []).flatMap((node) => {
    const own = node.type === 'upload' && node.relationTo === 'photos' ? [relationId(node.value)] : []
    return [...own, ...photosInBody(node.children)].filter((id): id is DocumentId => id != null)
  })
}

type ArticlePhotos = Pick<Article, 'leadPhoto' | 'photos' | 'seo' | 'body'>

/** Every photo an article shows: lead, gallery, share image and those placed in the body. */
export function photosOfArticle(article: Partial<ArticlePhotos> | null | undefined): DocumentId[] {
  if (!article) return []
  const single = [article.leadPhoto, article.seo?.image, ...(article.photos ?? [])].map(relationId)
  const inBody = photosInBody((article.body as { root?: BodyNode } | null | undefined)?.root?.children)
  return [...single, ...inBody].filter((id): id is DocumentId => id != null)
}

export const photosOfColumn = (column: Pick<Column, 'logo'> | null | undefined): DocumentId[] => {
  const logo = relationId(column?.logo)
  return logo == null ? [] : [logo]
}

/** The article's photos as one text value, searchable with `contains` (like `creditedBylines`). */
export function usedPhotosKey(ids: readonly DocumentId[]): string | null {
  const distinct = [...new Set(ids.map(String))]
  return distinct.length ? `,${distinct.join(',')},` : null
}

const usedPhotoNeedle = (id: DocumentId) => `,${id},`

/** What an article's main row (its public copy) shows readers, and when it was last written. */
export type PublicCopy = Pick<Article, '_status' | 'workflowState' | 'usedPhotos' | 'updatedAt'> & Partial<Pick<Article, PublicFiling>>

/** Where the public copy is filed, which decides the reader pages that list it. */
type PublicFiling = 'slug' | 'desk' | 'column' | 'bylines' | 'tags' | 'regions' | 'publishedAt' | 'print'

/** Whether readers see the article at all (a retracted one keeps its page, with the notice). */
export const isPublicCopy = (row: Partial<PublicCopy> | null | undefined): boolean => row?._status === 'published'

export function photosShownBy(row: Partial<PublicCopy> | null | undefined): string[] {
  if (row?._status !== 'published' || row.workflowState === 'retracted') return []
  return (row.usedPhotos ?? '').split(',').filter(Boolean)
}

const COPY_SELECT = { _status: true, workflowState: true, usedPhotos: true, updatedAt: true } as const
const FILING_SELECT = { slug: true, desk: true, column: true, bylines: true, tags: true, regions: true, publishedAt: true, print: true } as const

/**
 * The public copy as stored: Payload writes a draft save only to the versions, not to this row.
 * With `filing`, also where it is filed: the relationships cost a few milliseconds more per
 * read, which only a save that may change what readers see needs.
 */
export async function publicCopyOf(req: PayloadRequest, id: DocumentId, { filing = false } = {}): Promise<Partial<PublicCopy> | null> {
  return req.payload.db.findOne<PublicCopy & { id: DocumentId }>({
    collection: 'articles',
    where: { id: { equals: id } },
    select: filing ? { ...COPY_SELECT, ...FILING_SELECT } : COPY_SELECT,
    req,
  })
}

const SHOWN_BY_A_PUBLIC_ARTICLE = (id: DocumentId): Where => ({
  and: [{ _status: { equals: 'published' } }, { workflowState: { not_equals: 'retracted' } }, { usedPhotos: { contains: usedPhotoNeedle(id) } }],
})

async function isShownPublicly(req: PayloadRequest, id: DocumentId): Promise<boolean> {
  const articles = await req.payload.count({ collection: 'articles', where: SHOWN_BY_A_PUBLIC_ARTICLE(id), overrideAccess: true, req })
  if (articles.totalDocs > 0) return true
  const columns = await req.payload.count({ collection: 'columns', where: { logo: { equals: id } }, overrideAccess: true, req })
  return columns.totalDocs > 0
}

/** Re-derives `publicUse` of these photos from what now shows them, in the caller's transaction. */
export async function refreshPhotoPublicity(req: PayloadRequest, ids: readonly DocumentId[]): Promise<void> {
  const verdicts = { shown: [] as DocumentId[], hidden: [] as DocumentId[] }
  for (const id of new Set(ids.map(String))) (await isShownPublicly(req, id) ? verdicts.shown : verdicts.hidden).push(id)
  for (const [publicUse, group] of [[true, verdicts.shown], [false, verdicts.hidden]] as const) {
    if (group.length) await req.payload.db.updateMany({ collection: 'photos', where: { id: { in: group } }, data: { publicUse }, req, returning: false })
  }
}

const BACKFILL_PAGE = 100

/**
 * A database upgraded without the photo-publicity migration (MongoDB keeps no schema, so it
 * has none) holds photos without `publicUse` and articles without `usedPhotos`: every photo
 * would be hidden from readers. Derives both at boot, as the SQLite migration does; with every
 * photo marked it costs one count.
 */
export async function backfillPhotoPublicity(payload: Payload): Promise<void> {
  const unmarked = await payload.count({ collection: 'photos', where: { publicUse: { exists: false } }, overrideAccess: true })
  if (unmarked.totalDocs === 0) return
  for (let page = 1; ; page += 1) {
    const { docs, hasNextPage } = await payload.find({
      collection: 'articles',
      depth: 0,
      page,
      limit: BACKFILL_PAGE,
      sort: 'id',
      overrideAccess: true,
      select: { leadPhoto: true, photos: true, seo: true, body: true },
    })
    for (const article of docs) {
      await payload.db.updateOne({ collection: 'articles', id: article.id, data: { usedPhotos: usedPhotosKey(photosOfArticle(article)) }, returning: false })
    }
    if (!hasNextPage) break
  }
  const { docs: photos } = await payload.find({ collection: 'photos', where: { publicUse: { exists: false } }, depth: 0, pagination: false, overrideAccess: true, select: {} })
  const req = { payload } as PayloadRequest
  await refreshPhotoPublicity(req, photos.map((photo) => photo.id))
  payload.logger.info(`图片公开状态已补算：${photos.length} 张图片（backfilled photo publicity）`)
}
