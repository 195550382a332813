import { timingSafeEqual } from 'node:crypto'

import type { Endpoint } from 'payload'

import { runDueSchedules, schedulerToken } from '../../../src/workflow/scheduler'
import { SCHEDULER_HEADER } from '../../../src/workflow/schedulerLoop'

/** POST /api/articles/run-schedules — the server's own scheduler loop, and nobody else. */
export const runSchedulesEndpoint: Endpoint = {
  path: '/run-schedules',
  method: 'post',
  handler: async (req) => {
    const presented = Buffer.from(req.headers.get(SCHEDULER_HEADER) ?? '')
    const expected = Buffer.from(schedulerToken(req.payload.config.secret))
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
      return Response.json({ errors: [{ message: '禁止访问' }] }, { status: 403 })
    }
    return Response.json(await runDueSchedules(req.payload))
  },
}
