import type { Payload } from 'payload'
import { renderToStaticMarkup } from 'react-dom/server'

import { EditorialDashboard } from '@/admin/components/EditorialDashboard'
import { formatChineseDateTime } from '@/newsroom/dates'
import { writeViewTallies } from '@/readerViews/flush'
import { runDueSchedules } from '@/workflow/scheduler'
import type { Staff } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { submitAndSign, transitionAs } from '../../../helpers/workflow'

let payload: Payload
let staff: Staff

/** Noon in Beijing on 1 March 2030: "today" for the dashboard, whatever the machine's clock says. */
const NOW = new Date('2030-03-01T04:00:00.000Z')
const EARLY = new Date('2030-02-28T20:00:00.000Z')
const AT_0905 = new Date('2030-03-01T01:05:00.000Z')
const AT_1530 = new Date('2030-03-01T07:30:00.000Z')
const TOMORROW_0900 = new Date('2030-03-02T01:00:00.000Z')

useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

async function scheduled(title: string, publishAt: Date) {
  const article = await payload.create({ collection: 'articles', data: { title } as never, draft: true, user: { ...staff.editor, collection: 'users' } })
  await submitAndSign(payload, staff, article.id, { now: EARLY })
  await transitionAs(payload, staff.editor, { id: article.id, action: 'schedule', publishAt, now: EARLY })
  return article
}

/** Each queue's rendered HTML, by its heading. */
async function dashboard(user = staff.editor): Promise<Record<string, string>> {
  const html = renderToStaticMarkup(await EditorialDashboard({ payload, user, now: NOW }))
  return Object.fromEntries(
    html
      .split('data-testid="queue-')
      .slice(1)
      .map((part) => [part.slice(0, part.indexOf('"')), part]),
  )
}

describe('the editor’s dashboard', () => {
  it('shows 今日排期 at each article’s scheduled time and 今日发布 at its publication time, in Beijing time', async () => {
    const later = await scheduled('下午三点半排期发布的稿件', AT_1530)
    const tomorrow = await scheduled('明天早上排期的稿件', TOMORROW_0900)
    const morning = await scheduled('早上九点零五分发布的稿件', AT_0905)
    expect((await runDueSchedules(payload, AT_0905)).published).toEqual([morning.id])

    const queues = await dashboard()
    expect(queues['今日排期']).toContain('下午三点半排期发布的稿件')
    expect(queues['今日排期']).toContain(`<time class="editorial-dashboard__time" dateTime="${AT_1530.toISOString()}"`)
    expect(queues['今日排期']).toContain('2030年3月1日 15:30')
    expect(queues['今日排期']).not.toContain('明天早上排期的稿件')
    expect(queues['今日发布']).toContain('早上九点零五分发布的稿件')
    expect(queues['今日发布']).toContain('2030年3月1日 09:05')

    // Not the time each was last saved (the machine's now, when the test ran).
    for (const article of [later, morning]) {
      const { updatedAt } = await payload.findByID({ collection: 'articles', id: article.id, depth: 0, draft: true })
      expect(Object.values(queues).join('')).not.toContain(formatChineseDateTime(updatedAt))
    }
    expect(tomorrow.id).toBeDefined()
  })

  it('lists today’s schedule in the order the articles go out', async () => {
    await scheduled('上午十一点排期', new Date('2030-03-01T03:00:00.000Z'))
    const queue = (await dashboard())['今日排期']
    expect(queue.indexOf('上午十一点排期')).toBeLessThan(queue.indexOf('下午三点半排期发布的稿件'))
  })

  it('lists the bylines journalists proposed under 待确认署名, linked for review, until an editor confirms them', async () => {
    const proposal = await payload.create({
      collection: 'bylines',
      data: { name: '待确认的通讯员', kind: 'correspondent' },
      user: { ...staff.journalist, collection: 'users' },
      overrideAccess: false,
    })
    const queue = (await dashboard())['待确认署名']
    expect(queue).toContain(`<a href="/admin/collections/bylines/${proposal.id}">待确认的通讯员</a>`)
    expect(queue).toContain('<span class="editorial-dashboard__count">1</span>')
    expect(Object.keys(await dashboard(staff.journalist))).not.toContain('待确认署名')

    await payload.update({ collection: 'bylines', id: proposal.id, data: { status: 'confirmed' } })
    expect((await dashboard())['待确认署名']).toContain('没有待确认的署名。')
  })
})

describe('阅读排行 on the dashboard', () => {
  it('lists the week’s most read articles with their counts for editors, and nothing of it for journalists', async () => {
    const read = async (title: string) => payload.create({ collection: 'articles', data: { title } as never, draft: true, user: { ...staff.editor, collection: 'users' } })
    const [often, seldom, longAgo] = [await read('本周常读'), await read('本周少读'), await read('上月旧闻')]
    await writeViewTallies(payload, [
      { article: often.id, day: '2030-03-01', views: 1200 },
      { article: often.id, day: '2030-02-23', views: 34 },
      { article: seldom.id, day: '2030-02-28', views: 5 },
      // Eight days back: outside the week.
      { article: longAgo.id, day: '2030-02-22', views: 9999 },
    ])
    const queue = (await dashboard())['阅读排行']
    expect(queue).toContain('本周常读</a> <span class="editorial-dashboard__count">1,234 次</span>')
    expect(queue).toContain('本周少读</a> <span class="editorial-dashboard__count">5 次</span>')
    expect(queue.indexOf('本周常读')).toBeLessThan(queue.indexOf('本周少读'))
    expect(queue).not.toContain('上月旧闻')
    expect(Object.keys(await dashboard(staff.journalist))).not.toContain('阅读排行')
  })
})

describe('the journalist’s dashboard', () => {
  it('shows under 退回给我 why each article came back, who returned it and when, in Beijing time', async () => {
    const article = await payload.create({ collection: 'articles', data: { title: '被退回的县域稿件' } as never, draft: true, user: { ...staff.journalist, collection: 'users' } })
    await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
    await transitionAs(payload, staff.editor, { id: article.id, action: 'return', level: 'first', note: '数据来源请注明' })
    const { docs } = await payload.find({ collection: 'workflow-events', where: { article: { equals: article.id }, action: { equals: 'return' } } })

    const returned = (await dashboard(staff.journalist))['退回给我']
    expect(returned).toContain('被退回的县域稿件')
    expect(returned).toContain('退回理由：数据来源请注明')
    expect(returned).toContain(`${staff.editor.name} 于 <time dateTime="${docs[0].createdAt}" title="退回时间（北京时间）">${formatChineseDateTime(docs[0].createdAt)}</time> 退回`)

    await transitionAs(payload, staff.journalist, { id: article.id, action: 'submit' })
    expect((await dashboard(staff.journalist))['退回给我']).not.toContain('数据来源请注明')
  })
})
