import type { PayloadRequest } from 'payload'

import type { Article, Byline } from '@payload-types'
import { isStaffUser } from '@/access/roles'
import { relationId } from '@/data/relationId'
import type { BylineRole } from '@/newsroom/bylines'

/** How the writer's own name prints: `本报记者 X` for a staff journalist, `X 摄` for a photographer. */
const ROLE_FOR_KIND: Partial<Record<NonNullable<Byline['kind']>, BylineRole>> = {
  staff: 'staffReporter',
  correspondent: 'correspondent',
  contributor: 'contributor',
  photographer: 'photographer',
}

/**
 * A new article's byline list starts with the writer's own byline (the one their account is
 * linked to), in the admin's new-article form and on a create that sends no bylines.
 */
export async function ownBylineFirst({ user, req }: { user: PayloadRequest['user']; req: PayloadRequest }): Promise<Article['bylines']> {
  const bylineId = isStaffUser(user) ? relationId((user as { byline?: unknown }).byline) : null
  if (bylineId == null) return undefined
  const own = await req.payload
    .findByID({ collection: 'bylines', id: bylineId, depth: 0, overrideAccess: true, req, select: { kind: true } })
    .catch(() => null)
  if (!own) return undefined
  return [{ byline: bylineId as number, role: ROLE_FOR_KIND[own.kind] ?? 'byline' }]
}
