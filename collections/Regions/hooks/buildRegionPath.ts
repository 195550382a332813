import type { CollectionBeforeChangeHook } from 'payload'

import type { Region } from '@payload-types'
import { relationId } from '@/data/relationId'
import { refusal } from '@collections/shared/errors'

const MAX_DEPTH = 8

/**
 * Stores the full place name (湖南省 › 长沙市 › 天心区) so lists and pickers can tell
 * two places of the same name apart, and refuses a parent chain that loops.
 */
export const buildRegionPath: CollectionBeforeChangeHook<Region> = async ({ data, originalDoc, req }) => {
  const names = [data.name ?? originalDoc?.name ?? '']
  let parentId = relationId(data.parent === undefined ? originalDoc?.parent : data.parent)
  const seen = new Set<string>(originalDoc?.id != null ? [String(originalDoc.id)] : [])
  while (parentId != null) {
    if (seen.has(String(parentId)) || seen.size > MAX_DEPTH) {
      throw refusal('上级地区不能形成循环（一个地区不能是自己的下级）', 400, 'regionCycle')
    }
    seen.add(String(parentId))
    const parent = await req.payload.findByID({ collection: 'regions', id: parentId, depth: 0, req })
    names.unshift(parent.name)
    parentId = relationId(parent.parent)
  }
  return { ...data, path: names.join(' › ') }
}
