import { createHash, randomBytes } from 'node:crypto'

import { isbot } from 'isbot'

import type { DocumentId } from '@/data/relationId'
import { toShanghaiDate } from '@/newsroom/dates'

/**
 * What the counter holds in memory, at most. A distinct reader of an article today is a
 * 16-byte digest, with at most one more for its address (about 165 bytes with the collections'
 * overhead, measured: the cap is some 33 MB); an
 * article-day waiting for the next flush is one map entry.
 */
export const VIEW_COUNTER_LIMITS = {
  /**
   * Distinct reader-article pairs a day. Once full, views by readers it has not seen today are
   * not counted until the Beijing day turns (and a warning is logged): counting them without
   * de-duplication would let a reload loop inflate an article, and the cap is far above a
   * regional daily's readership.
   */
  readersPerDay: 200_000,
  /** Article-days waiting to be flushed. Once full, views of other articles wait for the next flush's room: they are not counted. */
  pendingArticleDays: 10_000,
  /**
   * Readers (browsers) counted from one address for one article a day: an office or a school
   * behind one address still counts, a script changing its user agent on every request adds no
   * more than this.
   */
  readersPerAddress: 30,
} as const

type Limits = { readersPerDay: number; pendingArticleDays: number; readersPerAddress: number }

export type ViewVerdict = 'counted' | 'repeat' | 'bot' | 'crowded' | 'full'
export type ViewTally = { article: DocumentId; day: string; views: number }
export type ViewRequest = { article: DocumentId; userAgent: string | null; address: string; now?: Date }

/**
 * Counts article views in memory, without cookies and without keeping anything about a reader:
 * a repeat view by the same reader of the same article on the same day is recognised by
 * SHA-256(salt, address, user agent, article), where the salt is random, never leaves memory
 * and is replaced when the Beijing day turns. After the turn nobody, this server included,
 * can tell whose view a digest was, and the digests themselves are dropped with the old salt.
 */
export class ViewCounter {
  private salt: Buffer = Buffer.alloc(0)
  private saltDay = ''
  private readonly seen = new Set<string>()
  /** Readers counted per address and article today, by a digest of the two (no larger than `seen`). */
  private readonly fromAddress = new Map<string, number>()
  private readonly pending = new Map<string, ViewTally>()
  private warnedFull = false

  constructor(
    private readonly limits: Limits = VIEW_COUNTER_LIMITS,
    private readonly warn: (message: string) => void = console.warn,
    private readonly newSalt: () => Buffer = () => randomBytes(32),
  ) {}

  record({ article, userAgent, address, now = new Date() }: ViewRequest): ViewVerdict {
    if (!userAgent || isbot(userAgent)) return 'bot'
    const day = toShanghaiDate(now)
    if (day !== this.saltDay) this.turnDay(day)
    const reader = this.digest(`${address}\n${userAgent}\n${article}`)
    if (this.seen.has(reader)) return 'repeat'
    const place = this.digest(`${address}\n${article}`)
    const fromPlace = this.fromAddress.get(place) ?? 0
    if (fromPlace >= this.limits.readersPerAddress) return 'crowded'
    const key = `${article}\n${day}`
    const tally = this.pending.get(key)
    if (this.seen.size >= this.limits.readersPerDay || (!tally && this.pending.size >= this.limits.pendingArticleDays)) return this.full()
    this.seen.add(reader)
    this.fromAddress.set(place, fromPlace + 1)
    if (tally) tally.views += 1
    else this.pending.set(key, { article, day, views: 1 })
    return 'counted'
  }

  /** The tallies counted since the last call, handed to the flush; the counter starts again from nothing. */
  take(): ViewTally[] {
    const tallies = [...this.pending.values()]
    this.pending.clear()
    return tallies
  }

  /** Tallies a flush could not write, added back as far as there is room (the rest are lost, and said so). */
  giveBack(tallies: readonly ViewTally[]): void {
    let lost = 0
    for (const { article, day, views } of tallies) {
      const key = `${article}\n${day}`
      const tally = this.pending.get(key)
      if (tally) tally.views += views
      else if (this.pending.size < this.limits.pendingArticleDays) this.pending.set(key, { article, day, views })
      else lost += views
    }
    if (lost > 0) this.warn(`阅读量：写入失败后暂存已满，${lost} 次阅读未能计入`)
  }

  get pendingViews(): number {
    let views = 0
    for (const tally of this.pending.values()) views += tally.views
    return views
  }

  /** 128 bits of SHA-256 over today's salt and the text: enough to tell a day's readers apart, useless without the salt. */
  private digest(text: string): string {
    // A string of its own, not a slice of the full digest's: a slice would keep the whole digest alive.
    return createHash('sha256').update(this.salt).update(text).digest().subarray(0, 16).toString('base64url')
  }

  private turnDay(day: string): void {
    this.salt = this.newSalt()
    this.saltDay = day
    this.seen.clear()
    this.fromAddress.clear()
    this.warnedFull = false
  }

  private full(): ViewVerdict {
    if (!this.warnedFull) this.warn('阅读量：今日去重记录或待写入的计数已满，新的阅读暂不计入（北京时间零点后恢复）')
    this.warnedFull = true
    return 'full'
  }
}
