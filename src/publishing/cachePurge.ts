import { isPurgedOutright } from './cacheTags'
import { createBatchedDelivery, type DeliveryLogger, oncePerProcess } from './batchedDelivery'
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
 * A purge never blocks or fails a save: keys are queued, merged, retried and logged as
 * ./batchedDelivery does; if one never gets through, `s-maxage` bounds how stale the cache can be.
 */
export type PurgeConfig = { urls: string[]; method: string; headers: Record<string, string> }
export type PurgeLogger = DeliveryLogger
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

export function createPurger({ config, logger, ...timing }: PurgerOptions): Purger {
  const delivery = createBatchedDelivery({
    destinations: config.urls,
    send: (url, keys, signal) => fetch(url, { method: config.method, headers: { ...config.headers, ...purgeHeaders(keys) }, signal }),
    label: '缓存清除',
    afterGivingUp: '缓存将在 s-maxage 到期后自行更新。',
    logger,
    ...timing,
  })
  return { purge: delivery.add, settled: delivery.settled }
}

/**
 * Varnish's xkey drops the objects of the keys in `xkey-purge` and marks those in
 * `xkey-softpurge` stale (deploy/varnish/default.vcl serves them a few seconds more while it
 * fetches fresh copies); Fastly and other CDNs read `Surrogate-Key`, every key purged.
 */
export function purgeHeaders(keys: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = { [SURROGATE_KEY_HEADER]: keys.join(' ') }
  const outright = keys.filter(isPurgedOutright)
  const soft = keys.filter((key) => !isPurgedOutright(key))
  if (outright.length) headers['xkey-purge'] = outright.join(' ')
  if (soft.length) headers['xkey-softpurge'] = soft.join(' ')
  return headers
}

/** The process's purger from the environment; null when no cache tier is configured. */
export function processPurger(logger: PurgeLogger): Purger | null {
  return oncePerProcess(Symbol.for('newsroom.cachePurger'), () => {
    const config = purgeConfigFromEnv()
    return config ? createPurger({ config, logger }) : null
  })
}
