import { spawn } from 'node:child_process'
import path from 'node:path'

import type { Payload } from 'payload'

import { runDueSchedules, type ScheduleRun } from '@/workflow/scheduler'
import type { Staff } from '../../helpers/newsroomUsers'
import { useTestPayload } from '../../helpers/payload'
import { submitAndSign, transitionAs } from '../../helpers/workflow'

let payload: Payload
let staff: Staff
useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

const DUE_AT = new Date('2030-04-01T02:00:00.000Z')

/** Another instance on the same database file, its scheduler started when `go` is called. */
function otherInstance(now: Date) {
  const child = spawn(path.resolve('node_modules/.bin/payload'), ['run', 'tests/helpers/schedulerProcess.ts', now.toISOString()], {
    env: { ...process.env, NODE_OPTIONS: '--no-deprecation --conditions=development' },
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  let output = ''
  const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => ((output += chunk.toString()), output.includes('ready\n') && resolve())))
  const done = new Promise<ScheduleRun>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(output.split('\n').filter(Boolean).at(-1) as string)) : reject(new Error(`另一个实例退出码 ${code}`)))),
  )
  return { ready, done, go: () => child.stdin.write('go\n') }
}

async function scheduledArticle(title: string) {
  const user = { ...staff.editor, collection: 'users' as const }
  const article = await payload.create({ collection: 'articles', data: { title } as never, draft: true, user })
  await submitAndSign(payload, staff, article.id, { now: new Date('2030-03-31T00:00:00.000Z') })
  await transitionAs(payload, staff.editor, { id: article.id, action: 'schedule', publishAt: DUE_AT, now: new Date('2030-03-31T00:00:00.000Z') })
  return article
}

describe('two server processes on one SQLite file', () => {
  const onSqlite = process.env.TEST_MONGODB_URI ? it.skip : it

  onSqlite('publish each due article once, whichever scheduler gets there first', async () => {
    const articles = await Promise.all(Array.from({ length: 6 }, (_, index) => scheduledArticle(`两个实例抢着发布 ${index}`)))
    const other = otherInstance(DUE_AT)
    await other.ready

    other.go()
    const [here, there] = await Promise.all([runDueSchedules(payload, DUE_AT), other.done])

    for (const article of articles) {
      expect([...here.published, ...there.published].filter((id) => id === article.id)).toHaveLength(1)
      const events = await payload.find({ collection: 'workflow-events', where: { article: { equals: article.id }, action: { equals: 'publish' } }, overrideAccess: true })
      expect(events.totalDocs).toBe(1)
      expect(await payload.findByID({ collection: 'articles', id: article.id, depth: 0, overrideAccess: true })).toMatchObject({ _status: 'published', workflowState: 'published' })
    }
  }, 180_000)
})
