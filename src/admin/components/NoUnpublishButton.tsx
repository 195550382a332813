/**
 * Payload's 取消发布 would take a published article offline silently; in this newsroom that
 * is a retraction (with a notice for readers), offered in the workflow panel instead. The
 * server refuses a plain unpublish too (collections/Articles/hooks/refuseUnpublishing).
 */
export function NoUnpublishButton() {
  return null
}
