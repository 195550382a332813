import type { PayloadRequest } from 'payload'

import type { Article } from '@payload-types'
import { type ArticleText, articleTextOf, photoIdsOf } from '@/newsroom/articleDiff'

/**
 * Articles' text field by field (src/newsroom/articleDiff), with the captions of the photos they
 * show: what 修改留痕 compares and what the 校对 checker reads. Captions are read once for all.
 */
export async function textsOf(req: PayloadRequest, articles: readonly Article[]): Promise<ArticleText[]> {
  const photoIds = [...new Set(articles.flatMap((article) => photoIdsOf(article).map(String)))]
  const captions = new Map<string, string | null | undefined>()
  if (photoIds.length > 0) {
    const { docs } = await req.payload.find({ collection: 'photos', where: { id: { in: photoIds } }, limit: photoIds.length, depth: 0, overrideAccess: true, req, select: { caption: true } })
    for (const photo of docs) captions.set(String(photo.id), photo.caption)
  }
  return articles.map((article) => articleTextOf(article, (photo) => captions.get(String(photo))))
}

