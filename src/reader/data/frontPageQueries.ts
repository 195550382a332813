import type { Payload } from 'payload'

import type { Article, FrontPage } from '@payload-types'
import { type DocumentId, relationId } from '@/data/relationId'
import { AS_READER, findLeadArticle, NOT_RETRACTED, TEASER_READ } from './queries'

/**
 * The front page's own reads, uncached and given a Payload instance like ./queries.ts: the layout
 * editors published (or, for the preview, the draft they are arranging), and the articles it
 * picks, read as an anonymous reader so a pick taken offline or retracted meanwhile drops out.
 */

export type FrontPageLayout = Pick<FrontPage, 'lead' | 'focus' | 'pinned' | 'sections'>

/** The published layout as readers get it; the draft for a staff member's preview. */
export async function findFrontPageLayout(payload: Payload, asDraftFor?: { user: NonNullable<Parameters<Payload['findGlobal']>[0]['user']> }): Promise<FrontPageLayout> {
  const layout = await payload.findGlobal({ slug: 'front-page', depth: 0, overrideAccess: false, draft: Boolean(asDraftFor), user: asDraftFor?.user })
  return { lead: layout.lead ?? null, focus: layout.focus ?? [], pinned: layout.pinned ?? [], sections: layout.sections ?? [] }
}

/** What a focus photo shows beside the teaser: the lead photo (or the share image). */
const FOCUS_READ = { select: { ...TEASER_READ.select, leadPhoto: true, seo: true }, populate: TEASER_READ.populate } as const

const idsOf = (values: readonly unknown[] | null | undefined): DocumentId[] => (values ?? []).map(relationId).filter((id): id is DocumentId => id != null)

/** The picked articles readers may see, in the editors' order. */
async function findPicked(payload: Payload, picks: readonly unknown[] | null | undefined, read: typeof TEASER_READ | typeof FOCUS_READ): Promise<Article[]> {
  const ids = idsOf(picks)
  if (ids.length === 0) return []
  const { docs } = await payload.find({ collection: 'articles', ...AS_READER, ...read, depth: 2, limit: ids.length, pagination: false, where: { and: [NOT_RETRACTED, { id: { in: ids } }] } })
  const byId = new Map(docs.map((doc) => [String(doc.id), doc as Article]))
  return ids.flatMap((id) => byId.get(String(id)) ?? [])
}

const hasPhoto = (article: Article) => relationId(article.leadPhoto) != null || relationId(article.seo?.image) != null

export const FOCUS_SIZE = 5

/** 焦点图: the editors' picks that have a photograph, else the newest published stories with one. */
export async function findFocusArticles(payload: Payload, layout: FrontPageLayout): Promise<Article[]> {
  const picked = (await findPicked(payload, layout.focus, FOCUS_READ)).filter(hasPhoto)
  if (picked.length > 0) return picked
  const { docs } = await payload.find({
    collection: 'articles',
    ...AS_READER,
    ...FOCUS_READ,
    depth: 2,
    limit: FOCUS_SIZE,
    pagination: false,
    where: { and: [NOT_RETRACTED, { leadPhoto: { exists: true } }] },
    sort: ['-publishedAt', '-id'],
  })
  return (docs as Article[]).filter(hasPhoto)
}

/** 头条: the editors' pick while readers may see it, else the newest marked 头条, else the newest. */
export async function findFrontLead(payload: Payload, layout: FrontPageLayout): Promise<Article | null> {
  const leadId = relationId(layout.lead)
  if (leadId != null) {
    const { docs } = await payload.find({ collection: 'articles', ...AS_READER, depth: 2, limit: 1, pagination: false, where: { and: [NOT_RETRACTED, { id: { equals: leadId } }] } })
    if (docs[0]) return docs[0]
  }
  return findLeadArticle(payload)
}

/** 置顶: pinned teasers in the editors' order. */
export const findPinnedArticles = (payload: Payload, layout: FrontPageLayout) => findPicked(payload, layout.pinned, TEASER_READ)
