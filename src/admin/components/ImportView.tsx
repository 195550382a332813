import type { AdminViewServerProps } from 'payload'

import { isStaffUser } from '@/access/roles'
import { AdminPage } from './AdminPage'
import { ImportPanel } from './ImportPanel'

/** /admin/import — editors upload page text, see what it would become, then import it as drafts. */
export function ImportView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
      <h1>导入版面</h1>
      {isStaffUser(initPageResult.req.user) ? <ImportPanel /> : <p>请先登录。</p>}
    </AdminPage>
  )
}
