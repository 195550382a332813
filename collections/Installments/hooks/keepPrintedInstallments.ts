import type { CollectionBeforeDeleteHook } from 'payload'

import { refusal } from '@collections/shared/errors'

/** An installment already in print is part of the record; only planned ones can be dropped. */
export const keepPrintedInstallments: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const installment = await req.payload.findByID({ collection: 'installments', id, depth: 1, overrideAccess: true, req })
  const article = installment.article as { workflowState?: string } | null
  if (article && typeof article === 'object' && (article.workflowState === 'published' || article.workflowState === 'retracted')) {
    throw refusal('这一期的稿件已经发布，不能删除该期次', 409, 'printedInstallment')
  }
}
