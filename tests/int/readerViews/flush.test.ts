import type { Payload } from 'payload'

import type { Article } from '@payload-types'
import { MAX_ROWS_PER_FLUSH, writeViewTallies } from '@/readerViews/flush'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { articleInState, storedViews } from './fixtures'

let payload: Payload
let staff: Staff
let first: Article
let second: Article

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  first = await articleInState(payload, staff, 'published', '第一篇', 'flush-first')
  second = await articleInState(payload, staff, 'published', '第二篇', 'flush-second')
})

describe('writing counted views (阅读量)', () => {
  it('creates a row per article per day at the first flush and adds to it at later ones', async () => {
    await writeViewTallies(payload, [
      { article: first.id, day: '2026-12-05', views: 3 },
      { article: first.id, day: '2026-12-06', views: 2 },
      { article: second.id, day: '2026-12-06', views: 1 },
    ])
    await writeViewTallies(payload, [
      { article: first.id, day: '2026-12-06', views: 5 },
      { article: first.id, day: '2026-12-06', views: 1 },
    ])
    expect(await storedViews(payload)).toEqual({ [`${first.id}@2026-12-05`]: 3, [`${first.id}@2026-12-06`]: 8, [`${second.id}@2026-12-06`]: 1 })
  })

  it('refuses a second row for the same article and day, however it is written', async () => {
    await expect(payload.create({ collection: 'article-views', overrideAccess: true, data: { article: first.id as number, day: '2026-12-06', views: 1 } })).rejects.toThrow()
    expect((await storedViews(payload))[`${first.id}@2026-12-06`]).toBe(8)
  })

  it('writes at most so many article-days in one flush and hands back the rest for the next', async () => {
    const dayOf2020 = (index: number) => new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10)
    const tallies = Array.from({ length: MAX_ROWS_PER_FLUSH + 3 }, (_, index) => ({ article: first.id, day: dayOf2020(index), views: 1 }))
    const later = await writeViewTallies(payload, tallies)
    expect(later).toHaveLength(3)
    expect(Object.keys(await storedViews(payload))).toHaveLength(3 + MAX_ROWS_PER_FLUSH)
  })
})
