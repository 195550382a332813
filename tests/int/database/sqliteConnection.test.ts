import { monitorEventLoopDelay } from 'node:perf_hooks'

import { useTestPayload } from '../../helpers/payload'
import { holdSqliteWriteLock } from '../../helpers/otherSqliteProcess'

// A short budget so the "held too long" case takes seconds, not the production 30.
process.env.SQLITE_WRITE_TIMEOUT_MS = '5000'

const booted = useTestPayload()
const payload = () => booted.payload
const databaseUri = () => process.env.DATABASE_URI as string

const draftArticle = async (title: string) => payload().create({ collection: 'articles', draft: true, data: { title } as never, overrideAccess: true })
const titleOf = async (id: number | string) => (await payload().findByID({ collection: 'articles', id, draft: true, depth: 0, overrideAccess: true })).title
const versionCount = async (id: number | string) => (await payload().countVersions({ collection: 'articles', where: { parent: { equals: id } }, overrideAccess: true })).totalDocs

// Waiting inside SQLite would stall for the whole hold (2 s or more); a save's own work, on a
// machine shared with other test runs, stays well under this.
const STALL_LIMIT_MS = 1000

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The longest the event loop was blocked while `work` ran, in milliseconds. */
async function longestStall<T>(work: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; stallMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 10 })
  histogram.enable()
  // The histogram measures from its second tick: a stall before that would go unseen.
  await pause(50)
  const [result] = await Promise.allSettled([work()])
  await pause(50)
  histogram.disable()
  return { result, stallMs: histogram.max / 1e6 }
}

describe('SQLite written by another process at the same time', () => {
  // Another process on the same file is a SQLite matter; MongoDB has its own locking.
  const onSqlite = process.env.TEST_MONGODB_URI ? it.skip : it

  onSqlite('keeps serving while another process holds the write lock, and saves once it lets go', async () => {
    const article = await draftArticle('另一个进程写入前')
    // A first save compiles the hooks' code paths; the measured one should only wait.
    await payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: '另一个进程写入前' } as never, overrideAccess: true })
    const holder = holdSqliteWriteLock(databaseUri(), 2000)
    await holder.held

    const { result, stallMs } = await longestStall(async () => {
      const save = payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: '另一个进程放手后保存' } as never, overrideAccess: true })
      // Readers are served meanwhile: WAL lets them see the last committed state.
      expect(await titleOf(article.id)).toBe('另一个进程写入前')
      await save
      return Date.now()
    })

    expect(result.status).toBe('fulfilled')
    expect(stallMs).toBeLessThan(STALL_LIMIT_MS)
    expect((result as PromiseFulfilledResult<number>).value).toBeGreaterThanOrEqual(await holder.released)
    expect(await titleOf(article.id)).toBe('另一个进程放手后保存')
  })

  onSqlite('gives up with a Chinese 503 and writes nothing when the other process holds the lock longer than the budget', async () => {
    const article = await draftArticle('超时前的标题')
    const versionsBefore = await versionCount(article.id)
    const holder = holdSqliteWriteLock(databaseUri(), 8000)
    await holder.held

    const { result, stallMs } = await longestStall(() => payload().update({ collection: 'articles', id: article.id, draft: true, data: { title: '不该写入的标题' } as never, overrideAccess: true }))

    expect(stallMs).toBeLessThan(STALL_LIMIT_MS)
    expect(result.status).toBe('rejected')
    const error = (result as PromiseRejectedResult).reason as { status?: number; message: string }
    expect(error.status).toBe(503)
    expect(error.message).toMatch(/数据库被另一个程序.*占用超过 \d+ 秒.*没有改动任何内容/)
    await holder.released
    expect(await titleOf(article.id)).toBe('超时前的标题')
    expect(await versionCount(article.id)).toBe(versionsBefore)
  })

  onSqlite('queues a write made outside a transaction (a failed login) until the other process lets go', async () => {
    const user = await payload().create({ collection: 'users', data: { email: 'busy-login@test.local', password: 'correct-horse-battery-staple', name: '忙碌登录', roles: ['journalist'] } as never, overrideAccess: true })
    const holder = holdSqliteWriteLock(databaseUri(), 2500)
    await holder.held

    const { result, stallMs } = await longestStall(() => payload().login({ collection: 'users', data: { email: user.email as string, password: 'wrong-password-here' } }))

    expect(stallMs).toBeLessThan(STALL_LIMIT_MS)
    expect(result.status).toBe('rejected')
    await holder.released
    const after = await payload().findByID({ collection: 'users', id: user.id, overrideAccess: true, showHiddenFields: true })
    expect(after.loginAttempts).toBe(1)
  })
})
