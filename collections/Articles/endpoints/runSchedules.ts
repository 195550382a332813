import { timingSafeEqual } from 'node:crypto'

import type { Endpoint } from 'payload'

import { runDueSchedules, schedulerToken } from '@/workflow/scheduler'
import { SCHEDULER_HEADER } from '@/workflow/schedulerLoop'
import { discardAbandonedDrafts } from '../untouchedDraft'

/** The loop ticks every 15 s; abandoned empty drafts (a day old at least) need looking for far less often. */
const DRAFT_SWEEP_EVERY_MS = 10 * 60 * 1000
let lastDraftSweep = 0

/** POST /api/articles/run-schedules — the server's own scheduler loop, and nobody else. It also clears away abandoned empty drafts. */
export const runSchedulesEndpoint: Endpoint = {
  path: '/run-schedules',
  method: 'post',
  handler: async (req) => {
    const presented = Buffer.from(req.headers.get(SCHEDULER_HEADER) ?? '')
    const expected = Buffer.from(schedulerToken(req.payload.config.secret))
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return Response.json({ errors: [{ message: '禁止访问' }] }, { status: 403 })
    }
    const run = await runDueSchedules(req.payload)
    if (Date.now() - lastDraftSweep < DRAFT_SWEEP_EVERY_MS) return Response.json(run)
    lastDraftSweep = Date.now()
    return Response.json({ ...run, discardedDrafts: await discardAbandonedDrafts(req.payload) })
  },
}
