export type Release = () => void

export class WriteLockTimeout extends Error {
  constructor(readonly waitedMs: number) {
    super(`数据库写入排队超过 ${Math.round(waitedMs / 1000)} 秒：另一个写入一直没有结束，本次写入已放弃，没有改动任何内容`)
    this.name = 'WriteLockTimeout'
  }
}

/**
 * One writer at a time, first come first served. SQLite lets a single connection write at
 * once, and libsql runs statements synchronously: a second writer that met the lock inside
 * SQLite would block the whole event loop until its busy timeout, so the first writer could
 * never finish. Waiting here instead keeps the process serving while writes queue.
 *
 * A writer that waits longer than `timeoutMs` gives up with WriteLockTimeout rather than
 * hang: the usual cause is code that, inside a transaction, starts a write of its own without
 * passing the transaction's `req`, and so waits for itself.
 */
export class WriteLock {
  private held = false
  private readonly waiting: { grant: (release: Release) => void }[] = []

  constructor(private readonly timeoutMs: number) {}

  get busy(): boolean {
    return this.held
  }

  acquire(): Promise<Release> {
    if (!this.held) {
      this.held = true
      return Promise.resolve(this.releaser())
    }
    return new Promise((resolve, reject) => {
      const started = Date.now()
      const waiter = {
        grant: (release: Release) => {
          clearTimeout(timer)
          resolve(release)
        },
      }
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(waiter), 1)
        reject(new WriteLockTimeout(Date.now() - started))
      }, this.timeoutMs)
      this.waiting.push(waiter)
    })
  }

  async run<T>(write: () => Promise<T>): Promise<T> {
    const release = await this.acquire()
    try {
      return await write()
    } finally {
      release()
    }
  }

  /** Each grant releases once: a second call of the same release must not free the next holder's lock. */
  private releaser(): Release {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = this.waiting.shift()
      if (next) next.grant(this.releaser())
      else this.held = false
    }
  }
}
