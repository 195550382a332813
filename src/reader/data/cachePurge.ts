import { clearTimeout, setTimeout } from 'node:timers'

import { SURROGATE_KEY_HEADER } from './httpCaching'

/**
 * Purges surrogate keys from the cache tier in front of the app (Varnish with xkey, or a CDN
 * that speaks surrogate keys) when content changes. Configured by environment:
 *
 * - `CACHE_PURGE_URL`: one or more purge endpoints, comma-separated (every Varnish node).
 *   Unset (the embedded default): nothing is sent.
 * - `CACHE_PURGE_METHOD`: `PURGE` (default, Varnish) or e.g. `POST` (Fastly's purge API).
 * - `CACHE_PURGE_HEADER`: one extra `Name: value` header, e.g. `Fastly-Key: …`.
 *
 * A purge never blocks or fails a save: keys are queued, sent shortly after the change (which
 * also lets a surrounding transaction commit first, and merges the keys of a burst of saves
 * into one request), retried with backoff when an endpoint is down, and logged if they never
 * get through; `s-maxage` then bounds how stale the cache can be.
 */
export type PurgeConfig = { urls: string[]; method: string; headers: Record<string, string> }
export type PurgeLogger = { warn: (message: string) => void; error: (message: string) => void }
export type PurgerOptions = { config: PurgeConfig; logger: PurgeLogger; delayMs?: number; retryDelaysMs?: number[]; timeoutMs?: number }

export function purgeConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): PurgeConfig | null {
  const urls = (env.CACHE_PURGE_URL ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean)
  if (urls.length === 0) return null
  for (const url of urls) if (!/^https?:\/\//.test(url)) throw new Error(`CACHE_PURGE_URL 必须是 http(s) 地址：${url}`)
  const headers: Record<string, string> = {}
  const extra = env.CACHE_PURGE_HEADER?.trim()
  if (extra) {
    const colon = extra.indexOf(':')
    if (colon < 1) throw new Error('CACHE_PURGE_HEADER 的格式应为 “名称: 值”')
    headers[extra.slice(0, colon).trim()] = extra.slice(colon + 1).trim()
  }
  return { urls, method: env.CACHE_PURGE_METHOD?.trim().toUpperCase() || 'PURGE', headers }
}

export type Purger = { purge: (keys: readonly string[]) => void; settled: () => Promise<void> }

export function createPurger({ config, logger, delayMs = 100, retryDelaysMs = [1_000, 2_000, 4_000, 8_000, 16_000], timeoutMs = 5_000 }: PurgerOptions): Purger {
  const queued = new Set<string>()
  let timer: ReturnType<typeof setTimeout> | null = null
  const inFlight = new Set<Promise<void>>()

  async function send(url: string, keys: string[]): Promise<void> {
    // Varnish's xkey reads `xkey-purge`; Fastly and other CDNs read `Surrogate-Key`.
    const value = keys.join(' ')
    for (let attempt = 0; ; attempt += 1) {
      let problem: string
      try {
        const response = await fetch(url, { method: config.method, headers: { ...config.headers, 'xkey-purge': value, [SURROGATE_KEY_HEADER]: value }, signal: AbortSignal.timeout(timeoutMs) })
        await response.arrayBuffer()
        if (response.ok) return
        problem = `HTTP ${response.status}`
      } catch (error) {
        problem = (error as Error).message
      }
      const delay = retryDelaysMs[attempt]
      if (delay === undefined) {
        logger.error(`缓存清除失败，已放弃（${url}，${problem}）：${value}。缓存将在 s-maxage 到期后自行更新。`)
        return
      }
      logger.warn(`缓存清除失败（${url}，${problem}），${delay} 毫秒后重试：${value}`)
      await new Promise((resolve) => setTimeout(resolve, delay).unref())
    }
  }

  function flush() {
    timer = null
    const keys = [...queued]
    queued.clear()
    for (const url of config.urls) {
      const sending = send(url, keys).finally(() => inFlight.delete(sending))
      inFlight.add(sending)
    }
  }

  return {
    purge(keys) {
      if (keys.length === 0) return
      for (const key of keys) queued.add(key)
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

// One purger per process, whichever bundle (Payload's API routes, the reader pages) loads this.
const PROCESS_PURGER = Symbol.for('newsroom.cachePurger')
type Registry = { [PROCESS_PURGER]?: { purger: Purger | null } }

/** The process's purger from the environment; null when no cache tier is configured. */
export function processPurger(logger: PurgeLogger): Purger | null {
  const registry = globalThis as Registry
  registry[PROCESS_PURGER] ??= { purger: (() => {
    const config = purgeConfigFromEnv()
    return config ? createPurger({ config, logger }) : null
  })() }
  return registry[PROCESS_PURGER].purger
}
