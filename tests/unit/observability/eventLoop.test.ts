import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from '@jest/globals'

import { type EventLoopLine, startEventLoopStats } from '@/observability/eventLoop'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('the server measuring its own event loop', () => {
  it('measures nothing when NEWSROOM_EVENT_LOOP_STATS is unset', () => {
    expect(startEventLoopStats(undefined)).toBe(false)
  })

  it('writes a line a second with the delay of a loop blocked for 120 ms', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'event-loop-')), 'stats.jsonl')
    expect(startEventLoopStats(file)).toBe(true)
    await sleep(300)
    const blockedUntil = Date.now() + 120
    while (Date.now() < blockedUntil) {
      // the synchronous work a stall is made of
    }
    await sleep(2_200)
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as EventLoopLine)
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(lines[0].pid).toBe(process.pid)
    expect(Math.max(...lines.map((line) => line.interval.max))).toBeGreaterThanOrEqual(100)
    expect(lines.at(-1)!.sinceStart.max).toBeGreaterThanOrEqual(100)
    // Only one measurement per process, whatever calls it again.
    expect(startEventLoopStats(file)).toBe(false)
  })
})
