import { revalidateTag } from 'next/cache'

import { type PurgeLogger, processPurger } from './cachePurge'

export type ExpireLogger = PurgeLogger & { debug: (entry: { msg: string; err?: unknown }) => void }

/**
 * Expires reader cache tags in this process: Next.js's data and page cache at once, and the
 * cache tier's objects carrying the same names as surrogate keys. The one place tags are
 * expired, whoever learnt of the change (a save on this instance, a peer's broadcast).
 */
export function expireReaderTags(tags: readonly string[], logger: ExpireLogger): void {
  if (tags.length === 0) return
  processPurger(logger)?.purge(tags)
  for (const tag of tags) {
    try {
      // Expire at once: a retraction or correction must not be served stale even once.
      revalidateTag(tag, { expire: 0 })
    } catch (error) {
      // Outside a Next.js server (scripts, tests) there is no cache to invalidate; the reader
      // data module's time-based revalidation covers those writes.
      logger.debug({ msg: `cache tag ${tag} not invalidated`, err: error })
    }
  }
}
