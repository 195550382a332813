import type { AdminViewServerProps } from 'payload'

import { isStaffUser } from '@/access/roles'
import { formatChineseDateTime } from '@/newsroom/dates'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import { Pagination } from '@/reader/components/Pagination'
import { HighlightedText } from '@/reader/components/SearchResultList'
import { parseSearchParams } from '@/search/params'
import { searchArticles, type SearchResults } from '@/search/query'
import { AdminPage } from './AdminPage'

const first = (value: unknown): string => (Array.isArray(value) ? String(value[0] ?? '') : typeof value === 'string' ? value : '')

/**
 * /admin/search — staff search the latest version of every article they may read (drafts,
 * submissions, scheduled and published), with the same Chinese-aware index readers use.
 */
export async function SearchView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const query = first(searchParams?.q).trim()
  const page = first(searchParams?.page)
  let results: SearchResults | null = null
  let problem: string | null = null
  if (query && isStaffUser(req.user)) {
    const parsed = parseSearchParams(new URLSearchParams({ q: query, ...(page ? { page } : {}) }))
    if (parsed.ok) results = await searchArticles(req.payload, parsed.params.q, { page: parsed.params.page, limit: 20, drafts: { user: req.user } })
    else problem = parsed.message
  }
  const pageLink = (target: number) => `/admin/search?${new URLSearchParams({ q: query, page: String(target) })}`
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
        <h1>全文检索</h1>
        {!isStaffUser(req.user) ? (
          <p>请先登录。</p>
        ) : (
          <>
            <form method="get" action="/admin/search" role="search" className="newsroom-search__form">
              <label htmlFor="newsroom-search-q">检索词（标题、正文、署名、专栏、标签、地区、图片说明；可用拼音找人名）</label>
              <input id="newsroom-search-q" name="q" type="search" defaultValue={query} maxLength={100} />
              <button type="submit" className="btn btn--style-primary btn--size-small">
                检索
              </button>
            </form>
            {problem && <p role="alert">{problem}</p>}
            {results && (
              <>
                <p role="status">{results.totalDocs > 0 ? `找到 ${results.totalDocs} 篇（含草稿）` : '没有找到。'}</p>
                <ol className="newsroom-search__results" data-testid="admin-search-results">
                  {results.docs.map((hit) => (
                    <li key={String(hit.id)}>
                      <a href={`/admin/collections/articles/${hit.id}`}>{hit.title}</a>
                      <span className="newsroom-search__state">{hit.workflowState ? WORKFLOW_STATE_LABELS[hit.workflowState as WorkflowState]?.zh : ''}</span>
                      {hit.publishedAt && <span className="newsroom-search__date">{formatChineseDateTime(hit.publishedAt)}</span>}
                      <p>
                        <HighlightedText text={hit.snippet} spans={hit.highlights} />
                      </p>
                    </li>
                  ))}
                </ol>
                <Pagination basePath="/admin/search" page={results.page} totalPages={results.totalPages} hrefFor={pageLink} />
              </>
            )}
          </>
        )}
    </AdminPage>
  )
}
