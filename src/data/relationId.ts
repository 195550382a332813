export type DocumentId = number | string

/**
 * A relationship field holds an id, or the related document itself when populated
 * (depth ≥ 1); either way, the id.
 */
export function relationId(value: unknown): DocumentId | null {
  if (value == null) return null
  if (typeof value === 'object') return (value as { id: DocumentId }).id ?? null
  return value as DocumentId
}
