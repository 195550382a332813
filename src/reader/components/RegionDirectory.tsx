import Link from 'next/link'

import type { Region } from '@payload-types'
import { relationId } from '@/data/relationId'
import { readerPaths } from '@/publishing/urls'

/** Browse by place: each top-level region with the places under it. */
export function RegionDirectory({ regions }: { regions: Region[] }) {
  if (regions.length === 0) return null
  const childrenOf = (id: Region['id'] | null) => regions.filter((region) => (relationId(region.parent) ?? null) === id)
  const renderBranch = (parentId: Region['id'] | null, depth: number): React.ReactNode => {
    const children = childrenOf(parentId)
    if (children.length === 0 || depth > 3) return null
    return (
      <ul className={depth === 0 ? 'regions' : 'regions__children'}>
        {children.map((region) => (
          <li key={region.id}>
            <Link href={readerPaths.region(region.slug ?? '')}>{region.name}</Link>
            {renderBranch(region.id, depth + 1)}
          </li>
        ))}
      </ul>
    )
  }
  return (
    <nav aria-labelledby="regions-heading" className="front__regions">
      <h2 id="regions-heading" className="section-heading">按地区浏览</h2>
      {renderBranch(null, 0)}
    </nav>
  )
}
