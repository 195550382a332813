import type { Payload, Where } from 'payload'

import type { Article, Byline } from '@payload-types'
import { can } from '@/access/permissions'
import { REVIEW_LEVELS, type ReviewLevel } from '@/newsroom/reviewChain'
import { PENDING_STATES, SIGNING_PERMISSION, WORKFLOW_STATE_LABELS } from '@/newsroom/workflow'
import { deskIdsOf, isStaffUser } from '@/access/roles'
import { formatChineseDateTime, startOfShanghaiDay } from '@/newsroom/dates'
import { latestReturnNotes, type ReturnNote } from '@/workflow/returnNotes'
import type { DocumentId } from '@/data/relationId'
import { weekTopArticles } from '@/readerViews/editorCounts'
import { WeekTopArticles } from './WeekTopArticles'

type Props = {
  payload: Payload
  user?: { id: DocumentId; roles?: unknown; desks?: unknown } | null
  /** The moment "today" is taken from; the admin passes none (now). */
  now?: Date
}
/** The time each queue's entries show, in Beijing time: what the queue is about, not when the article was last touched. */
type QueueTime = 'updatedAt' | 'scheduledFor' | 'publishedAt' | 'createdAt'
/** Queues list articles unless they say otherwise (pending bylines). */
type QueueCollection = 'articles' | 'bylines'
type Queue = { title: string; empty: string; where: Where; time: QueueTime; timeLabel: string; sort: string; collection?: QueueCollection; withReturnNotes?: boolean }
type ReturnNoteReader = Parameters<typeof latestReturnNotes>[1]
type QueueDoc = Pick<Article, 'id'> & Partial<Pick<Article, QueueTime | 'title'> & Pick<Byline, 'name'>>
const TITLE_FIELD = { articles: 'title', bylines: 'name' } as const

const LAST_CHANGED = { time: 'updatedAt', timeLabel: '最后修改', sort: '-updatedAt' } as const

const PENDING_BYLINES: Queue = {
  title: '待确认署名',
  empty: '没有待确认的署名。',
  collection: 'bylines',
  where: { status: { equals: 'pending' } },
  time: 'createdAt',
  timeLabel: '提出',
  sort: 'createdAt',
}

/** What waits for a level this user signs; a 部门主任's 复审 only of the desks they head. */
function reviewQueue(user: NonNullable<Props['user']>, level: ReviewLevel): Queue {
  const state: Where = { workflowState: { equals: PENDING_STATES[level] } }
  const where = level === 'second' ? { and: [state, { desk: { in: deskIdsOf(user) } }] } : state
  const label = WORKFLOW_STATE_LABELS[PENDING_STATES[level]].zh
  return { title: `${label}稿件`, empty: `没有${label}的稿件。`, where, ...LAST_CHANGED }
}

export function queuesFor(user: NonNullable<Props['user']>, now: Date = new Date()): Queue[] {
  if (!can(user, 'readAllArticles')) {
    return [
      { title: '我的草稿', empty: '没有进行中的草稿。', where: { owner: { equals: user.id }, workflowState: { equals: 'draft' } }, ...LAST_CHANGED },
      {
        title: '退回给我',
        empty: '没有被退回的稿件。',
        where: { owner: { equals: user.id }, workflowState: { equals: 'returned' } },
        ...LAST_CHANGED,
        // What the writer needs first: why it came back, from whom, and when.
        withReturnNotes: true,
      },
    ]
  }
  const today = startOfShanghaiDay(now).toISOString()
  const tomorrow = new Date(startOfShanghaiDay(now).getTime() + 24 * 60 * 60 * 1000).toISOString()
  const deskQueues: Queue[] = [
    ...REVIEW_LEVELS.filter((level) => can(user, SIGNING_PERMISSION[level])).map((level) => reviewQueue(user, level)),
    {
      // Print copy imported from a page (src/import) has had its print review; the web desk still
      // fixes what the importer marked (待核事项, placeholder photos, 网题) before submitting it.
      title: '待编导入稿',
      empty: '没有待编辑的导入稿。',
      where: { sourceKey: { like: 'import:' }, workflowState: { in: ['draft', 'returned'] } },
      ...LAST_CHANGED,
    },
    {
      title: '今日排期',
      empty: '今天没有排期发布的稿件。',
      where: { workflowState: { equals: 'scheduled' }, scheduledFor: { greater_than_equal: today, less_than: tomorrow } },
      // In the order they will go out.
      time: 'scheduledFor',
      timeLabel: '计划发布',
      sort: 'scheduledFor',
    },
    {
      title: '今日发布',
      empty: '今天还没有发布稿件。',
      where: { workflowState: { equals: 'published' }, publishedAt: { greater_than_equal: today, less_than: tomorrow } },
      time: 'publishedAt',
      timeLabel: '发布',
      sort: '-publishedAt',
    },
  ]
  if (can(user, 'confirmBylines')) deskQueues.push(PENDING_BYLINES)
  return deskQueues
}

/** Each role's own work on the admin home page: what is waiting for them right now. */
export async function EditorialDashboard({ payload, user, now }: Props) {
  if (!user || !isStaffUser(user)) return null
  // Those who may see readership get the week's most read beside their queues.
  const weekTop = can(user, 'readArticleViews') ? weekTopArticles(payload, user, 10, now) : null
  const queues = await Promise.all(
    queuesFor(user, now).map(async (queue) => {
      const collection = queue.collection ?? 'articles'
      const result = await payload.find({
        collection,
        draft: true,
        depth: 0,
        limit: 10,
        sort: queue.sort,
        where: queue.where,
        overrideAccess: false,
        user,
        select: { [TITLE_FIELD[collection]]: true, [queue.time]: true },
      })
      const docs = result.docs as QueueDoc[]
      const notes = queue.withReturnNotes ? await latestReturnNotes(payload, user as ReturnNoteReader, docs.map((doc) => doc.id)) : new Map<string, ReturnNote>()
      return { ...queue, collection, docs, notes, total: result.totalDocs }
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
              {queue.docs.map((doc) => {
                const time = doc[queue.time]
                const returnNote = queue.notes.get(String(doc.id))
                return (
                  <li key={doc.id}>
                    <a href={`/admin/collections/${queue.collection}/${doc.id}`}>{doc.title ?? doc.name}</a>
                    {returnNote ? (
                      <ReturnNoteLine note={returnNote} />
                    ) : time ? (
                      <time className="editorial-dashboard__time" dateTime={time} title={`${queue.timeLabel}（北京时间）`}>
                        {formatChineseDateTime(time)}
                      </time>
                    ) : null}
                  </li>
                )
              })}
            </ul>
          )}
        </div>
      ))}
      {weekTop && <WeekTopArticles top={await weekTop} />}
    </section>
  )
}

/** One returned article's reason, editor and time (Beijing), under its title. */
function ReturnNoteLine({ note }: { note: ReturnNote }) {
  return (
    <p className="editorial-dashboard__return-note" data-testid="return-note">
      <span>退回理由：{note.note}</span>
      <span className="editorial-dashboard__time">
        {note.by ?? '编辑'} 于{' '}
        <time dateTime={note.at} title="退回时间（北京时间）">
          {formatChineseDateTime(note.at)}
        </time>{' '}
        退回
      </span>
    </p>
  )
}
