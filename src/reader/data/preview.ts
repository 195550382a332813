import type { Article } from '@payload-types'
import { isStaffUser } from '@/access/roles'
import { readerPayload } from './payloadClient'

/**
 * The newest saved version of an article, draft or not, for the signed-in staff member who
 * asks. Never cached: it depends on who is asking, and drafts must never reach a shared cache.
 */
export async function getPreviewArticle(id: string, headers: Headers): Promise<Article | null> {
  if (!/^[\w-]{1,64}$/.test(id)) return null
  const payload = await readerPayload()
  const { user } = await payload.auth({ headers })
  if (!isStaffUser(user)) return null
  try {
    return await payload.findByID({ collection: 'articles', id, draft: true, depth: 2, overrideAccess: false, user })
  } catch {
    return null
  }
}
