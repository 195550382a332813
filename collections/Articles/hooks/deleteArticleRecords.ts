import type { CollectionBeforeDeleteHook } from 'payload'

/**
 * An article's workflow history, editorial comments and 校对 waivers exist only for it: they go with it,
 * in the same transaction. Left behind they would point at nothing, and SQLite refuses the
 * delete outright (their article column may not become null).
 */
export const deleteArticleRecords: CollectionBeforeDeleteHook = async ({ id, req }) => {
  for (const collection of ['workflow-events', 'editorial-comments', 'proofreading-waivers'] as const) {
    await req.payload.delete({ collection, where: { article: { equals: id } }, overrideAccess: true, req })
  }
}
