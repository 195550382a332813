import type { Region } from '@payload-types'

import { type DocumentId, relationId } from '@/data/relationId'

/** A region and everything beneath it (a city includes its districts and their towns). */
export function regionWithDescendants(regions: Region[], rootId: DocumentId): DocumentId[] {
  const childrenOf = new Map<string, Region[]>()
  for (const region of regions) {
    const parent = relationId(region.parent)
    if (parent == null) continue
    const siblings = childrenOf.get(String(parent)) ?? []
    siblings.push(region)
    childrenOf.set(String(parent), siblings)
  }
  const found: DocumentId[] = []
  const seen = new Set<string>()
  const stack: DocumentId[] = [rootId]
  while (stack.length > 0) {
    const id = stack.pop()!
    if (seen.has(String(id))) continue
    seen.add(String(id))
    found.push(id)
    for (const child of childrenOf.get(String(id)) ?? []) stack.push(child.id)
  }
  return found
}
