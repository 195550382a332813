import type { CollectionBeforeChangeHook } from 'payload'

import type { Installment } from '@payload-types'
import { relationId } from '@/data/relationId'

/**
 * Numbers follow on from the highest number the column has used, in print or in plan, so
 * they run without gaps. A number never changes by itself afterwards (see renumber).
 */
export const assignInstallmentNumber: CollectionBeforeChangeHook<Installment> = async ({ data, operation, originalDoc, req, context }) => {
  if (context.renumbering) return data
  if (operation !== 'create') return { ...data, number: originalDoc?.number ?? data.number, column: originalDoc?.column ?? data.column }
  const column = relationId(data.column)
  const [planned, printed] = await Promise.all([
    req.payload.find({ collection: 'installments', where: { column: { equals: column } }, sort: '-number', limit: 1, depth: 0, overrideAccess: true, req }),
    req.payload.find({
      collection: 'articles',
      where: { column: { equals: column } },
      sort: '-installment.number',
      limit: 1,
      depth: 0,
      draft: true,
      overrideAccess: true,
      req,
    }),
  ])
  const highest = Math.max(0, planned.docs[0]?.number ?? 0, printed.docs[0]?.installment?.number ?? 0)
  return { ...data, number: highest + 1 }
}
