import type { Payload } from 'payload'

import type { DocumentId } from '@/data/relationId'
import type { PublicRowsAdapter } from '../publicRows'

type ArticleDocument = {
  _id: { toString(): string }
  slug?: string | null
  updatedAt?: Date | string | null
  publishedAt?: Date | string | null
  installment?: { number?: number | null } | null
  column?: { toString(): string } | null
  tags?: { toString(): string }[] | null
  regions?: { toString(): string }[] | null
}
type Query = { sort: (order: Record<string, 1 | -1>) => Query; limit: (count: number) => Query; lean: () => Promise<ArticleDocument[]> }
type Collection = { find: (filter: Record<string, unknown>, projection: Record<string, 1>) => Query }

const articles = (payload: Payload) => (payload.db as unknown as { collections: Record<string, Collection> }).collections.articles

/**
 * The `articles` collection holds the versions readers see. PUBLIC is the public read rule
 * with the lists' "not retracted" (`null` also matches a missing field).
 */
const PUBLIC = { _status: 'published', 'retraction.retractedAt': null }

const isoOf = (value: Date | string | null | undefined): string | null => (value == null ? null : value instanceof Date ? value.toISOString() : value)

export const mongoPublicRows: PublicRowsAdapter = {
  async articleStamps(payload) {
    const found = await articles(payload).find(PUBLIC, { slug: 1, updatedAt: 1, publishedAt: 1 }).lean()
    return found.map((doc) => ({ id: doc._id.toString(), slug: doc.slug ?? null, updatedAt: isoOf(doc.updatedAt) ?? '', publishedAt: isoOf(doc.publishedAt) }))
  },

  async columnInstallments(payload, columnId: DocumentId) {
    const found = await articles(payload).find({ ...PUBLIC, column: columnId }, { slug: 1, 'installment.number': 1, publishedAt: 1 }).lean()
    return found.map((doc) => ({ id: doc._id.toString(), slug: doc.slug ?? null, number: doc.installment?.number ?? null, publishedAt: isoOf(doc.publishedAt) }))
  },

  async relatedCandidates(payload, { id, columnId, tagIds, regionIds, limit }) {
    const sharing = [
      ...(columnId != null ? [{ column: columnId }] : []),
      ...(tagIds.length ? [{ tags: { $in: tagIds } }] : []),
      ...(regionIds.length ? [{ regions: { $in: regionIds } }] : []),
    ]
    // Mongoose casts the ids given as strings to the ObjectIds the relationships hold.
    const found = await articles(payload)
      .find({ ...PUBLIC, _id: { $ne: id }, $or: sharing }, { slug: 1, column: 1, tags: 1, regions: 1 })
      .sort({ publishedAt: -1, _id: -1 })
      .limit(limit)
      .lean()
    const idsOf = (values: { toString(): string }[] | null | undefined) => (values ?? []).map((value) => value.toString())
    return found.map((doc) => ({ id: doc._id.toString(), slug: doc.slug ?? null, columnId: doc.column?.toString() ?? null, tagIds: idsOf(doc.tags), regionIds: idsOf(doc.regions) }))
  },
}
