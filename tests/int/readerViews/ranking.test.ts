import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { writeViewTallies } from '@/readerViews/flush'
import { findMostRead } from '@/readerViews/ranking'
import { rankingChangeWatcher } from '@/readerViews/rankingRefresh'
import { articleViewService } from '@/readerViews/service'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { articleInState } from './fixtures'

let payload: Payload
let staff: Staff
let articles: Record<'yesterdayHit' | 'todayHit' | 'steady' | 'draft' | 'retracted', Article>

// 18:00 in Beijing: three quarters of yesterday lie outside the last 24 hours.
const NOW = new Date('2026-12-06T18:00:00+08:00')
const TODAY = '2026-12-06'
const YESTERDAY = '2026-12-05'
const titles = (docs: Article[]) => docs.map((doc) => doc.title)

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  articles = {
    yesterdayHit: await articleInState(payload, staff, 'published', '昨晚的热点', 'rank-yesterday'),
    todayHit: await articleInState(payload, staff, 'published', '今天的热点', 'rank-today'),
    steady: await articleInState(payload, staff, 'published', '一周常读', 'rank-steady'),
    draft: await articleInState(payload, staff, 'draft', '草稿', 'rank-draft'),
    retracted: await articleInState(payload, staff, 'retracted', '已撤稿件', 'rank-retracted'),
  }
  const days = ['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04']
  await writeViewTallies(payload, [
    { article: articles.yesterdayHit.id, day: YESTERDAY, views: 100 },
    { article: articles.todayHit.id, day: TODAY, views: 30 },
    ...days.map((day) => ({ article: articles.steady.id, day, views: 40 })),
    { article: articles.draft.id, day: TODAY, views: 1000 },
    { article: articles.retracted.id, day: TODAY, views: 1000 },
  ])
})

describe('the most-read ranking (热点排行)', () => {
  it('ranks the last 24 hours by today’s views and the part of yesterday still inside them', async () => {
    // 今天的热点 30 against 昨晚的热点 100 × 6/24 = 25; 一周常读 has nothing in the last 24 hours.
    expect(titles(await findMostRead(payload, '24h', 10, NOW))).toEqual(['今天的热点', '昨晚的热点'])
  })

  it('ranks the last 7 days by every day inside them', async () => {
    expect(titles(await findMostRead(payload, '7d', 10, NOW))).toEqual(['一周常读', '昨晚的热点', '今天的热点'])
    expect(titles(await findMostRead(payload, '7d', 2, NOW))).toEqual(['一周常读', '昨晚的热点'])
  })

  it('ranks within a channel only what the channel takes in, in the site’s order', async () => {
    const within = { columns: [], tags: [], regions: [], articles: [articles.todayHit.id, articles.steady.id, articles.draft.id] }
    expect(titles(await findMostRead(payload, '7d', 10, NOW, within))).toEqual(['一周常读', '今天的热点'])
    expect(titles(await findMostRead(payload, '24h', 10, NOW, within))).toEqual(['今天的热点'])
  })

  it('never ranks a draft or a retracted article, however often read', async () => {
    const ranked = [...(await findMostRead(payload, '24h', 10, NOW)), ...(await findMostRead(payload, '7d', 10, NOW))].map((doc) => doc.id)
    expect(ranked).not.toContain(articles.draft.id)
    expect(ranked).not.toContain(articles.retracted.id)
  })

  it('is refreshed only when views were written, the interval has passed and the order changed', async () => {
    const changed = rankingChangeWatcher(60_000)
    const flushed = async (article: Article, views: number) => {
      const service = articleViewService(payload)
      for (let reader = 0; reader < views; reader++) service.counter.record({ article: article.id, userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', address: `10.1.0.${reader}`, now: NOW })
      await service.flush()
    }
    const at = (seconds: number) => new Date(NOW.getTime() + seconds * 1000)
    // The first look after a start refreshes once: pages cached before it may be old.
    expect(await changed(payload, at(0))).toBe(true)
    await flushed(articles.todayHit, 1)
    expect(await changed(payload, at(30))).toBe(false)
    // Written, and a minute on, but the order is the same: 今天的热点 was first already.
    expect(await changed(payload, at(61))).toBe(false)
    await flushed(articles.steady, 40)
    expect(await changed(payload, at(90))).toBe(false)
    expect(await changed(payload, at(122))).toBe(true)
    // Nothing written since: not even a look.
    expect(await changed(payload, at(300))).toBe(false)
  })

  it('leaves cached pages alone at the first look after a start when nothing is ranked', async () => {
    const monthLater = new Date(NOW.getTime() + 30 * 24 * 60 * 60 * 1000)
    expect(await rankingChangeWatcher(60_000)(payload, monthLater)).toBe(false)
  })
})
