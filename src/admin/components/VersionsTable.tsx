'use client'

import { Pagination, PerPage, Table, useListQuery } from '@payloadcms/ui'
import type { Column } from 'payload'

/** The versions table with Payload's own paging; the rows and cells come from ArticleVersionsView. */
export function VersionsTable({ columns, paginationLimits }: { columns: Column[]; paginationLimits?: number[] }) {
  const { data, handlePageChange, handlePerPageChange } = useListQuery()
  if (!data || data.totalDocs === 0) return <div className="versions__no-versions">没有其他版本。</div>
  const first = (data.page ?? 1) * data.limit - (data.limit - 1)
  const last = Math.min((data.page ?? 1) * data.limit, data.totalDocs)
  return (
    <>
      <Table columns={columns} data={data.docs} />
      <div className="versions__page-controls">
        <Pagination
          hasNextPage={data.hasNextPage}
          hasPrevPage={data.hasPrevPage}
          limit={data.limit}
          nextPage={data.nextPage ?? undefined}
          numberOfNeighbors={1}
          onChange={handlePageChange}
          page={data.page}
          prevPage={data.prevPage ?? undefined}
          totalPages={data.totalPages}
        />
        <div className="versions__page-info">
          第 {first}–{last} 个，共 {data.totalDocs} 个版本
        </div>
        <PerPage handleChange={handlePerPageChange} limit={data.limit} limits={paginationLimits ?? [5, 10, 25, 50, 100]} />
      </div>
    </>
  )
}
