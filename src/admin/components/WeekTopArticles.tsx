import type { DocumentId } from '@/data/relationId'

const formatter = new Intl.NumberFormat('zh-CN')

export type WeekTop = { id: DocumentId; title: string; views: number }[]

/** The dashboard's 阅读排行: the week's most read articles (the last 7 Beijing days, today included) with their counts. */
export function WeekTopArticles({ top }: { top: WeekTop }) {
  return (
    <div className="editorial-dashboard__queue" data-testid="queue-阅读排行">
      <h2>阅读排行 · 近7天</h2>
      {top.length === 0 ? (
        <p>近7天还没有阅读记录。</p>
      ) : (
        <ol>
          {top.map((entry) => (
            <li key={entry.id}>
              <a href={`/admin/collections/articles/${entry.id}`}>{entry.title}</a> <span className="editorial-dashboard__count">{formatter.format(entry.views)} 次</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
