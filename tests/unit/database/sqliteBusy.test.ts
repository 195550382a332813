import { DatabaseBusyTimeout, isSqliteBusy, retryWhileBusy } from '@/database/sqliteBusy'

const busy = (rawCode = 5) => Object.assign(new Error('SQLITE_BUSY: database is locked'), { code: 'SQLITE_BUSY', rawCode })

describe('isSqliteBusy', () => {
  it('knows SQLITE_BUSY and its extended codes, and nothing else', () => {
    for (const rawCode of [5, 261, 517, 773]) expect(isSqliteBusy(busy(rawCode))).toBe(true)
    expect(isSqliteBusy({ code: 'SQLITE_BUSY_RECOVERY' })).toBe(true)
    expect(isSqliteBusy(Object.assign(new Error('locked'), { code: 'SQLITE_LOCKED', rawCode: 6 }))).toBe(false)
    expect(isSqliteBusy(new Error('SQLITE_BUSY in a message only'))).toBe(false)
    expect(isSqliteBusy(null)).toBe(false)
  })
})

describe('retryWhileBusy', () => {
  it('tries again after timers, letting other work run in between, until the statement gets through', async () => {
    let attempts = 0
    let ticks = 0
    const ticker = setInterval(() => (ticks += 1), 1)
    const result = await retryWhileBusy(async () => {
      attempts += 1
      if (attempts < 6) throw busy()
      return 'written'
    }, Date.now() + 5_000)
    clearInterval(ticker)
    expect(result).toBe('written')
    expect(attempts).toBe(6)
    expect(ticks).toBeGreaterThan(0)
  })

  it('gives up with a Chinese timeout once the deadline has passed, and passes any other error on at once', async () => {
    const started = Date.now()
    const outcome = await retryWhileBusy(() => Promise.reject(busy()), started + 200).catch((error: unknown) => error)
    expect(outcome).toBeInstanceOf(DatabaseBusyTimeout)
    expect((outcome as Error).message).toMatch(/数据库被另一个程序.*占用.*没有改动任何内容/)
    expect(Date.now() - started).toBeGreaterThanOrEqual(200)

    let attempts = 0
    const other = new Error('no such table: articles')
    await expect(retryWhileBusy(() => (attempts++, Promise.reject(other)), Date.now() + 5_000)).rejects.toBe(other)
    expect(attempts).toBe(1)
  })
})
