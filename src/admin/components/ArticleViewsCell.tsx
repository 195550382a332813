import { headers } from 'next/headers'
import type { DefaultServerCellComponentProps, Payload } from 'payload'
import { cache } from 'react'

import { can } from '@/access/permissions'
import type { DocumentId } from '@/data/relationId'
import { type EditorViewCounts, viewCountsOf } from '@/readerViews/editorCounts'

const formatter = new Intl.NumberFormat('zh-CN')

/**
 * Every cell of one list page asks in the same moment: the asks are gathered and answered by one
 * read of the page's articles (per request: React's cache), not a read per row.
 */
const countsLoader = cache((payload: Payload) => {
  let asked: { id: DocumentId; resolve: (counts: EditorViewCounts | null) => void }[] = []
  const viewer = (async () => (await payload.auth({ headers: await headers() })).user)()
  return (id: DocumentId) =>
    new Promise<EditorViewCounts | null>((resolve) => {
      asked.push({ id, resolve })
      if (asked.length > 1) return
      setImmediate(async () => {
        const batch = asked
        asked = []
        try {
          const user = await viewer
          const counts = can(user, 'readArticleViews') ? await viewCountsOf(payload, user, batch.map((entry) => entry.id)) : null
          for (const entry of batch) entry.resolve(counts ? (counts.get(String(entry.id)) ?? { week: 0, total: 0 }) : null)
        } catch {
          for (const entry of batch) entry.resolve(null)
        }
      })
    })
})

/** The article list's 阅读量 column: views in the last 7 days and in all, for those who may see counts (editors); a dash for others. */
export async function ArticleViewsCell({ payload, rowData }: DefaultServerCellComponentProps) {
  const counts = rowData?.id == null ? null : await countsLoader(payload)(rowData.id as DocumentId)
  if (!counts) return <span className="article-views-cell">—</span>
  return (
    <span className="article-views-cell" title="近7天（北京时间，含今天）/ 累计阅读次数">
      {formatter.format(counts.week)} / {formatter.format(counts.total)}
    </span>
  )
}
