import { createHmac } from 'node:crypto'

import { createLocalReq, type Payload, type Where } from 'payload'

import { inTransaction } from '@/database/transaction'

import { type WorkflowAction, WorkflowError } from '@/newsroom/workflow'
import { transitionArticle } from './transitionArticle'
import type { DocumentId } from '@/data/relationId'

export type ScheduleRun = { published: DocumentId[]; expired: DocumentId[]; skipped: DocumentId[] }

const DUE: Record<'publish' | 'expire', (now: string) => Where> = {
  publish: (now) => ({ workflowState: { equals: 'scheduled' }, scheduledFor: { less_than_equal: now } }),
  expire: (now) => ({ workflowState: { equals: 'published' }, unpublishAt: { less_than_equal: now } }),
}

/**
 * Publishes every scheduled article that is due and takes down every article whose
 * unpublish time has come. The schedule lives on the article itself (state + time), not in
 * a queue, so a server that was down simply finds the overdue ones at its next run, a
 * withdrawn schedule leaves nothing behind, and each article goes out once: the transition
 * re-checks the state inside its own transaction and refuses a second publish.
 */
export async function runDueSchedules(payload: Payload, now: Date = new Date()): Promise<ScheduleRun> {
  const run: ScheduleRun = { published: [], expired: [], skipped: [] }
  for (const [action, bucket] of [['publish', run.published], ['expire', run.expired]] as const) {
    const { docs } = await payload.find({
      collection: 'articles',
      where: DUE[action](now.toISOString()),
      depth: 0,
      limit: 200,
      pagination: false,
      overrideAccess: true,
      select: { workflowState: true },
    })
    for (const { id } of docs) {
      ;((await applyOnce(payload, id, action, now)) ? bucket : run.skipped).push(id)
    }
  }
  return run
}

async function applyOnce(payload: Payload, id: DocumentId, action: WorkflowAction, now: Date): Promise<boolean> {
  const req = await createLocalReq({}, payload)
  try {
    await inTransaction(req, () => transitionArticle(payload, req, { id, action, now, system: true }))
    return true
  } catch (error) {
    // Withdrawn or already handled between the query and the transition: nothing to do.
    if (error instanceof WorkflowError && error.reason === 'wrongState') return false
    payload.logger.error({ err: error, msg: `定时任务处理稿件 ${id} 失败（${action}）` })
    return false
  }
}

/** Proves a scheduler request comes from this server's own loop. */
export function schedulerToken(secret: string): string {
  return createHmac('sha256', secret).update('newsroom-scheduler').digest('hex')
}
