import { timingSafeEqual } from 'node:crypto'

import type { Endpoint } from 'payload'

import { CACHE_TAGS } from '@/publishing/cacheTags'
import { dayTurnWatcher } from '@/publishing/dateLine'
import { expireReaderTags } from '@/publishing/expireTags'
import { rankingChangeWatcher } from '@/readerViews/rankingRefresh'
import { runDueSchedules, schedulerToken } from '@/workflow/scheduler'
import { SCHEDULER_HEADER } from '@/workflow/schedulerLoop'
import { discardAbandonedDrafts } from '../untouchedDraft'

/** The loop ticks every 15 s; abandoned empty drafts (a day old at least) need looking for far less often. */
const DRAFT_SWEEP_EVERY_MS = 10 * 60 * 1000
let lastDraftSweep = 0
const dayTurned = dayTurnWatcher()
const rankingChanged = rankingChangeWatcher()

/** POST /api/articles/run-schedules — the server's own scheduler loop, and nobody else. It also clears away abandoned empty drafts, turns the date line at midnight and refreshes the 热点排行 when its order changed. */
export const runSchedulesEndpoint: Endpoint = {
  path: '/run-schedules',
  method: 'post',
  handler: async (req) => {
    const presented = Buffer.from(req.headers.get(SCHEDULER_HEADER) ?? '')
    const expected = Buffer.from(schedulerToken(req.payload.config.secret))
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return Response.json({ errors: [{ message: '禁止访问' }] }, { status: 403 })
    }
    // Inside a request, where Next.js lets the cache be expired: every page's date line is yesterday's.
    if (dayTurned(new Date())) expireReaderTags([CACHE_TAGS.dateLine], req.payload.logger)
    if (await rankingChanged(req.payload)) expireReaderTags([CACHE_TAGS.mostRead], req.payload.logger)
    const run = await runDueSchedules(req.payload)
    if (Date.now() - lastDraftSweep < DRAFT_SWEEP_EVERY_MS) return Response.json(run)
    lastDraftSweep = Date.now()
    return Response.json({ ...run, discardedDrafts: await discardAbandonedDrafts(req.payload) })
  },
}
