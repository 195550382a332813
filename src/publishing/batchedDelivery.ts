import { clearTimeout, setTimeout } from 'node:timers'

/**
 * Sends the names of what changed (cache tags, surrogate keys) to other servers without ever
 * holding up or failing a save: names are queued, sent shortly after the change (which also
 * lets a surrounding transaction commit first, and merges the names of a burst of saves into
 * one request per destination), retried with backoff while a destination is down, and logged
 * if they never get through. The cache tier's purges (./cachePurge) and the other app
 * instances' cache expiry (src/cluster) are both sent this way.
 */
export type DeliveryLogger = { warn: (message: string) => void; error: (message: string) => void }

export type BatchedDeliveryOptions = {
  destinations: string[]
  /** Sends one batch to one destination; the answer must be 2xx. */
  send: (destination: string, names: string[], signal: AbortSignal) => Promise<Response>
  /** What the log calls a delivery (缓存清除), and what follows when one is given up. */
  label: string
  afterGivingUp: string
  logger: DeliveryLogger
  delayMs?: number
  retryDelaysMs?: number[]
  timeoutMs?: number
}

export type BatchedDelivery = { add: (names: readonly string[]) => void; settled: () => Promise<void> }

export function createBatchedDelivery({ destinations, send, label, afterGivingUp, logger, delayMs = 100, retryDelaysMs = [1_000, 2_000, 4_000, 8_000, 16_000], timeoutMs = 5_000 }: BatchedDeliveryOptions): BatchedDelivery {
  const queued = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  const inFlight = new Set<Promise<void>>()

  async function deliver(destination: string, names: string[]): Promise<void> {
    const value = names.join(' ')
    for (let attempt = 0; ; attempt += 1) {
      let problem: string
      try {
        const response = await send(destination, names, AbortSignal.timeout(timeoutMs))
        await response.arrayBuffer()
        if (response.ok) return
        problem = `HTTP ${response.status}`
      } catch (error) {
        problem = (error as Error).message
      }
      const delay = retryDelaysMs[attempt]
      if (delay === undefined) {
        logger.error(`${label}失败，已放弃（${destination}，${problem}）：${value}。${afterGivingUp}`)
        return
      }
      logger.warn(`${label}失败（${destination}，${problem}），${delay} 毫秒后重试：${value}`)
      await new Promise((resolve) => setTimeout(resolve, delay).unref())
    }
  }

  function flush() {
    timer = null
    const names = [...queued]
    queued.clear()
    for (const destination of destinations) {
      const sending = deliver(destination, names).finally(() => inFlight.delete(sending))
      inFlight.add(sending)
    }
  }

  return {
    add(names) {
      if (names.length === 0) return
      for (const name of names) queued.add(name)
      timer ??= setTimeout(flush, delayMs)
    },
    async settled() {
      if (timer) {
        clearTimeout(timer)
        flush()
      }
      while (inFlight.size > 0) await Promise.all([...inFlight])
    },
  }
}

/**
 * One instance per process of something built from the environment, whichever bundle
 * (Payload's API routes, the reader pages) asks first; null when the environment configures none.
 */
export function oncePerProcess<T>(key: symbol, build: () => T | null): T | null {
  const registry = globalThis as unknown as Record<symbol, { value: T | null } | undefined>
  registry[key] ??= { value: build() }
  return registry[key].value
}
