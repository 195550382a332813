import type { Payload, Where } from 'payload'

import type { Article } from '../../../payload-types'
import { roleOf } from '../../access/roles'
import { formatChineseDateTime, startOfShanghaiDay } from '../../newsroom/dates'

type Props = { payload: Payload; user?: { id: number | string; role?: unknown } | null }
type Queue = { title: string; empty: string; where: Where }

function queuesFor(user: NonNullable<Props['user']>): Queue[] {
  const role = roleOf(user)
  if (role === 'journalist') {
    return [
      { title: '我的草稿', empty: '没有进行中的草稿。', where: { owner: { equals: user.id }, workflowState: { equals: 'draft' } } },
      { title: '退回给我', empty: '没有被退回的稿件。', where: { owner: { equals: user.id }, workflowState: { equals: 'returned' } } },
    ]
  }
  const today = startOfShanghaiDay()
  const tomorrow = new Date(today.getTime() + 24 * 60 * 60 * 1000).toISOString()
  return [
    { title: '待审稿件', empty: '没有等待审核的稿件。', where: { workflowState: { equals: 'submitted' } } },
    {
      title: '今日排期',
      empty: '今天没有排期发布的稿件。',
      where: { workflowState: { equals: 'scheduled' }, scheduledFor: { greater_than_equal: today.toISOString(), less_than: tomorrow } },
    },
    {
      title: '今日发布',
      empty: '今天还没有发布稿件。',
      where: { workflowState: { equals: 'published' }, publishedAt: { greater_than_equal: today.toISOString() } },
    },
  ]
}

/** Each role's own work on the admin home page: what is waiting for them right now. */
export async function EditorialDashboard({ payload, user }: Props) {
  if (!user || !roleOf(user)) return null
  const queues = await Promise.all(
    queuesFor(user).map(async (queue) => {
      const result = await payload.find({
        collection: 'articles',
        draft: true,
        depth: 0,
        limit: 10,
        sort: '-updatedAt',
        where: queue.where,
        overrideAccess: false,
        user,
        select: { title: true, updatedAt: true },
      })
      return { ...queue, docs: result.docs as Pick<Article, 'id' | 'title' | 'updatedAt'>[], total: result.totalDocs }
    }),
  )
  return (
    <section className="editorial-dashboard" aria-label="我的工作">
      {queues.map((queue) => (
        <div key={queue.title} className="editorial-dashboard__queue" data-testid={`queue-${queue.title}`}>
          <h2>
            {queue.title} <span className="editorial-dashboard__count">{queue.total}</span>
          </h2>
          {queue.docs.length === 0 ? (
            <p>{queue.empty}</p>
          ) : (
            <ul>
              {queue.docs.map((doc) => (
                <li key={doc.id}>
                  <a href={`/admin/collections/articles/${doc.id}`}>{doc.title}</a>
                  <span className="editorial-dashboard__time">{formatChineseDateTime(doc.updatedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
    </section>
  )
}
