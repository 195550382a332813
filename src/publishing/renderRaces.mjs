// @ts-check
// Used by the page cache handler (src/security/readerPageCacheHandler.mjs), which Next.js loads
// unbundled: plain JavaScript.

/**
 * How long a render may be in progress and still be told apart: past this, the server's
 * admission queue has given its slot up (scripts/admission.mjs, maxRenderMs) and whatever it
 * stores is as likely fresh as not. Renders are counted from their cache lookup.
 */
export const RENDER_WINDOW_MS = 30_000

/**
 * Whether what a render produced may be kept. Next.js stamps a cache entry with the moment it is
 * stored, and counts it fresh if none of its tags expired after that. A render that read the
 * database before a publication committed and stored its page after the publication's tags
 * expired was therefore kept as fresh with the old content: under the soak the front page showed
 * a publication's absence for over 30 s, a cache HIT every time. A render is timed from the
 * lookup that missed (Next.js renders only after one), and what it stores is kept only if none
 * of its tags expired since; otherwise it is answered once and rendered again next time.
 * @param {{ now?: () => number; windowMs?: number }} [options]
 */
export function createRenderRaceGuard({ now = Date.now, windowMs = RENDER_WINDOW_MS } = {}) {
  /** When each key's oldest render still in progress began, and how many are in progress. @type {Map<string, { since: number; renders: number }>} */
  const inProgress = new Map()
  /** When each tag last expired. @type {Map<string, number>} */
  const expiredAt = new Map()

  const forgetOlderThan = (/** @type {number} */ limit) => {
    for (const [tag, at] of expiredAt) if (at < limit) expiredAt.delete(tag)
    for (const [key, render] of inProgress) if (render.since < limit) inProgress.delete(key)
  }

  return {
    /** A lookup of `key` missed: a render of it starts now. @param {string} key */
    renderStarted(key) {
      const render = inProgress.get(key)
      if (render && now() - render.since < windowMs) render.renders += 1
      else inProgress.set(key, { since: now(), renders: 1 })
    },

    /** @param {readonly string[]} tags */
    tagsExpired(tags) {
      const at = now()
      for (const tag of tags) expiredAt.set(tag, at)
      if (expiredAt.size > 10_000) forgetOlderThan(at - windowMs)
    },

    /**
     * Whether a render of `key` carrying `tags` may be stored: not when one of the tags expired
     * after the oldest render of `key` in progress began (which ends here).
     * @param {string} key
     * @param {readonly string[]} tags
     */
    mayKeep(key, tags) {
      const render = inProgress.get(key)
      if (!render) return true
      render.renders -= 1
      if (render.renders <= 0) inProgress.delete(key)
      if (now() - render.since >= windowMs) return true
      return !tags.some((tag) => (expiredAt.get(tag) ?? -Infinity) >= render.since)
    },
  }
}
