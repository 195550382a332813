import { Gutter, ListQueryProvider, Pill, SetDocumentStepNav, SortColumn } from '@payloadcms/ui'
import Link from 'next/link'
import type { Column, DocumentViewServerProps, PaginatedDocs, TypeWithVersion } from 'payload'
import { formatAdminURL } from 'payload/shared'

import type { Article } from '@payload-types'
import { formatChineseDateTime } from '@/newsroom/dates'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import { VersionsTable } from './VersionsTable'
import type { DocumentId } from '@/data/relationId'

type Props = DocumentViewServerProps & { searchParams?: { limit?: string; page?: string; sort?: string } }
type ArticleVersion = TypeWithVersion<Article> & { autosave?: boolean }

const DEFAULT_LIMIT = 10

/**
 * The article's version list, in place of Payload's: each saved version with its time in Beijing
 * time (formatted here, not in the browser's zone) and the 流程状态 the article had then, the
 * one status a desk works with, instead of Payload's 草稿/已发布 pills. The version readers see
 * now is marked 线上版本. Paging, sorting and the links to each version's diff are Payload's.
 */
export async function ArticleVersionsView({ initPageResult, searchParams = {} }: Props) {
  const { collectionConfig, docID, req } = initPageResult
  const limit = Number(searchParams.limit) || collectionConfig?.admin?.pagination?.defaultLimit || DEFAULT_LIMIT
  const sort = searchParams.sort || '-updatedAt'
  const query = { collection: 'articles' as const, depth: 0, overrideAccess: false, req, user: req.user }
  const [versions, published] = await Promise.all([
    req.payload.findVersions({ ...query, where: { parent: { equals: docID } }, limit, page: Number(searchParams.page) || 1, sort }),
    req.payload.findVersions({ ...query, where: { parent: { equals: docID }, 'version._status': { equals: 'published' } }, limit: 1, sort: '-updatedAt' }),
  ])
  const publicVersionId = published.docs[0]?.id
  const docs = versions.docs as ArticleVersion[]
  const versionUrl = (versionId: DocumentId) =>
    formatAdminURL({ adminRoute: req.payload.config.routes.admin, path: `/collections/articles/${docID}/versions/${versionId}` })

  const columns: Column[] = [
    {
      accessor: 'updatedAt',
      active: true,
      field: { name: '', type: 'date' },
      Heading: <SortColumn Label="保存时间（北京时间）" name="updatedAt" />,
      renderedCells: docs.map((version) => (
        <Link key={version.id} href={versionUrl(version.id)} prefetch={false}>
          {formatChineseDateTime(version.updatedAt)}
        </Link>
      )),
    },
    {
      accessor: 'workflowState',
      active: true,
      field: { name: '', type: 'text' },
      Heading: <SortColumn Label="流程状态" name="workflowState" disable />,
      renderedCells: docs.map((version) => (
        <span key={version.id} className="versions__state" data-testid="version-workflow-state">
          {WORKFLOW_STATE_LABELS[(version.version.workflowState ?? 'draft') as WorkflowState]?.zh}
          {version.version._status === 'draft' && version.version.workflowState === 'published' && '（未发布的修改）'}
          {version.id === publicVersionId && <Pill size="small">线上版本</Pill>}
          {version.autosave && <Pill size="small">自动保存</Pill>}
        </span>
      )),
    },
    {
      accessor: 'title',
      active: true,
      field: { name: '', type: 'text' },
      Heading: <SortColumn Label="主题" name="title" disable />,
      renderedCells: docs.map((version) => <span key={version.id}>{version.version.title}</span>),
    },
  ]

  return (
    <>
      <SetDocumentStepNav collectionSlug="articles" id={docID} pluralLabel={collectionConfig?.labels?.plural} useAsTitle="title" view="版本" />
      <main className="versions">
        <Gutter className="versions__wrap">
          <ListQueryProvider data={versions as PaginatedDocs} modifySearchParams query={{ limit, sort }}>
            <VersionsTable columns={columns} paginationLimits={collectionConfig?.admin?.pagination?.limits} />
          </ListQueryProvider>
        </Gutter>
      </main>
    </>
  )
}
