import type { PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import type { DocumentId } from '@/data/relationId'
import { textsOf } from '@/data/articleTexts'
import { diffArticleTexts, type FieldDiff } from '@/newsroom/articleDiff'

export type StoredVersion = { id: DocumentId; updatedAt: string; autosave: boolean; article: Article }

/** A version as findVersions returns it, with the article it holds typed. */
export const storedVersion = (doc: { id: DocumentId; updatedAt: string; version: unknown; autosave?: boolean | null }): StoredVersion => ({
  id: doc.id,
  updatedAt: doc.updatedAt,
  autosave: Boolean(doc.autosave),
  article: doc.version as Article,
})

/** Versions of one article by id, read past access (callers check the reader may see the article); pruned ones are missing. */
export async function versionsById(req: PayloadRequest, articleId: DocumentId, ids: readonly string[]): Promise<Map<string, StoredVersion>> {
  const wanted = [...new Set(ids.filter(Boolean))]
  if (wanted.length === 0) return new Map()
  const { docs } = await req.payload.findVersions({
    collection: 'articles',
    where: { and: [{ parent: { equals: articleId } }, { id: { in: wanted } }] },
    limit: wanted.length,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((doc) => [String(doc.id), storedVersion(doc)]))
}

/** 修改留痕 between two stored versions of the article, field by field. */
export async function diffVersions(req: PayloadRequest, articleId: DocumentId, fromId: string, toId: string): Promise<FieldDiff[] | null> {
  const versions = await versionsById(req, articleId, [fromId, toId])
  const from = versions.get(fromId)
  const to = versions.get(toId)
  if (!from || !to) return null
  const [fromText, toText] = await textsOf(req, [from.article, to.article])
  return diffArticleTexts(fromText, toText)
}
