import type { CollectionAfterChangeHook } from 'payload'

import { relationId } from '@/data/relationId'
import type { Article, Installment } from '@payload-types'
import { transitionArticle } from '@/workflow/transitionArticle'

/**
 * The linked article carries the installment's column and number, and when the plan moves,
 * a scheduled article moves with it.
 */
export const followPlanWithArticle: CollectionAfterChangeHook<Installment> = async ({ doc, previousDoc, req, context }) => {
  const articleId = relationId(doc.article)
  if (!articleId || context.installmentSync) return doc
  const article = (await req.payload.findByID({ collection: 'articles', id: articleId, draft: true, depth: 0, overrideAccess: true, req })) as Article
  const column = relationId(doc.column)
  if (article.workflowState !== 'published' && article.workflowState !== 'retracted') {
    const alreadyLinked = relationId(article.column) === column && article.installment?.number === doc.number
    if (!alreadyLinked) {
      await req.payload.update({
        collection: 'articles',
        id: articleId,
        draft: true,
        data: { column: column as number, installment: { ...article.installment, number: doc.number } },
        overrideAccess: true,
        req,
        context: { installmentSync: true },
      })
    }
  }
  const moved = previousDoc?.plannedFor && previousDoc.plannedFor !== doc.plannedFor
  if (moved && article.workflowState === 'scheduled') {
    await transitionArticle(req.payload, req, {
      id: articleId,
      action: 'reschedule',
      publishAt: new Date(doc.plannedFor),
      note: `随专栏计划改期`,
    })
  }
  return doc
}
