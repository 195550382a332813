import Link from 'next/link'

import { pagedPath } from '@/publishing/urls'

/** `hrefFor` overrides the `/page/N` scheme, for lists addressed by query string (search). */
type Props = { basePath: string; page: number; totalPages: number; hrefFor?: (page: number) => string }

export function Pagination({ basePath, page, totalPages, hrefFor = (target) => pagedPath(basePath, target) }: Props) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label="分页">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev">
          上一页
        </Link>
      )}
      <span aria-current="page">
        第 {page} / {totalPages} 页
      </span>
      {page < totalPages && (
        <Link href={hrefFor(page + 1)} rel="next">
          下一页
        </Link>
      )}
    </nav>
  )
}
