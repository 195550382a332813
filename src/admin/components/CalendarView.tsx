import type { AdminViewServerProps } from 'payload'

import { isStaffUser } from '@/access/roles'
import { formatChineseDateTime, shanghaiNoon, startOfShanghaiDay, toShanghaiDate } from '@/newsroom/dates'
import { WORKFLOW_STATE_LABELS, type WorkflowState } from '@/newsroom/workflow'
import { loadCalendar } from '@/planning/columnPlan'
import { AdminPage } from './AdminPage'

const DAY = 24 * 60 * 60 * 1000

/** The Beijing day a `YYYY-MM-DD` parameter names, or today. */
function anchorDay(value: unknown): Date {
  const match = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
  return startOfShanghaiDay(match ? shanghaiNoon(value) : new Date())
}

function range(view: 'week' | 'month', anchor: Date): { from: Date; days: number } {
  const local = new Date(anchor.getTime() + 8 * 60 * 60 * 1000)
  if (view === 'week') {
    const weekday = (local.getUTCDay() + 6) % 7
    return { from: new Date(anchor.getTime() - weekday * DAY), days: 7 }
  }
  const first = new Date(anchor.getTime() - (local.getUTCDate() - 1) * DAY)
  const days = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0)).getUTCDate()
  return { from: first, days }
}


/** /admin/calendar — every column's planned installments and every scheduled article, with problems. */
export async function CalendarView({ initPageResult, params, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const view = searchParams?.view === 'month' ? 'month' : 'week'
  const anchor = anchorDay(searchParams?.date)
  const { from, days } = range(view, anchor)
  const calendar = isStaffUser(req.user) ? await loadCalendar(req.payload, req, from, days) : null
  const step = view === 'week' ? 7 : days
  const link = (nextView: string, date: Date) => `/admin/calendar?view=${nextView}&date=${toShanghaiDate(date)}`
  return (
    <AdminPage initPageResult={initPageResult} params={params} searchParams={searchParams}>
        <h1>排期日历</h1>
        {!calendar ? (
          <p>请先登录。</p>
        ) : (
          <>
            <nav className="planning-calendar__nav" aria-label="切换日期">
              <a href={link(view, new Date(from.getTime() - step * DAY))}>← 上一{view === 'week' ? '周' : '月'}</a>
              <a href={link(view, new Date())}>今天</a>
              <a href={link(view, new Date(from.getTime() + (view === 'week' ? 7 : days + 1) * DAY))}>下一{view === 'week' ? '周' : '月'} →</a>
              <a href={link('week', anchor)} aria-current={view === 'week'}>周视图</a>
              <a href={link('month', anchor)} aria-current={view === 'month'}>月视图</a>
              <a href="/admin/collections/installments/create">+ 新增专栏期次</a>
            </nav>
            {calendar.problems.length > 0 && (
              <section className="planning-calendar__problems" data-testid="planning-problems" aria-label="需要处理">
                <h2>需要处理（{calendar.problems.length}）</h2>
                <ul>
                  {calendar.problems.map((problem, index) => (
                    <li key={index} data-kind={problem.kind}>
                      {problem.message}
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <ol className={`planning-calendar planning-calendar--${view}`}>
              {calendar.days.map((day) => (
                <li key={day.date} className="planning-calendar__day">
                  <h3>{day.label}</h3>
                  {day.entries.map((entry) => (
                    <div
                      key={`${entry.kind}-${entry.id}`}
                      className={`planning-calendar__entry${entry.problems.length ? ' planning-calendar__entry--problem' : ''}`}
                      data-testid={`calendar-${entry.kind}-${entry.id}`}
                    >
                      <p className="planning-calendar__time">{formatChineseDateTime(entry.at).slice(-5)}</p>
                      <p>
                        {entry.columnLabel && <strong>{entry.columnLabel} </strong>}
                        <a href={entry.kind === 'installment' ? `/admin/collections/installments/${entry.id}` : `/admin/collections/articles/${entry.id}`}>{entry.title}</a>
                      </p>
                      {entry.length && <p className={`planning-calendar__length planning-calendar__length--${entry.lengthStatus}`}>{entry.length}</p>}
                      <p className="planning-calendar__state">
                        {entry.articleState ? WORKFLOW_STATE_LABELS[entry.articleState as WorkflowState]?.zh : '未关联稿件'}
                        {entry.kind === 'installment' && entry.articleId && (
                          <>
                            {' · '}
                            <a href={`/admin/collections/articles/${entry.articleId}`}>打开稿件</a>
                          </>
                        )}
                      </p>
                      {entry.problems.map((message) => (
                        <p key={message} className="planning-calendar__warning" role="alert">
                          ⚠ {message}
                        </p>
                      ))}
                    </div>
                  ))}
                </li>
              ))}
            </ol>
          </>
        )}
    </AdminPage>
  )
}
