// @ts-check
// next.config.ts `cacheHandler`: Next.js imports this file itself at run time (unbundled), so it
// is plain JavaScript.
import { createRequire } from 'node:module'
import path from 'node:path'

import { withoutHydrationScripts } from '../publishing/hydrationScripts.mjs'
import { noteCachedPageTags, purgeOriginResponses } from '../publishing/originResponses.mjs'
import { createRenderRaceGuard } from '../publishing/renderRaces.mjs'
import { CONTENT_SECURITY_POLICY_HEADER, readerPagePolicyForHtml } from './contentSecurityPolicy.mjs'

/** @typedef {import('next/dist/server/lib/incremental-cache/file-system-cache.js').default} NextFileSystemCache */
/** @typedef {import('next/dist/server/response-cache/types').IncrementalCacheValue} IncrementalCacheValue */
/** @typedef {import('next/dist/server/response-cache/types').IncrementalCachedAppPageValue} CachedAppPage */

/** Where Next.js keeps a cached page's tags (next/dist/lib/constants.js). */
const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags'

// Next.js's own file-system cache, loaded through require so it is the very module instance the
// server uses: tags, revalidation, the memory cache and the build's seed pages behave as before.
/** @type {typeof import('next/dist/server/lib/incremental-cache/file-system-cache.js').default} */
const FileSystemCache = createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/file-system-cache.js').default

/** One per process, like Next.js's tag manifest: Next.js makes a handler per request. */
const renderRaces = createRenderRaceGuard()

/** Cached pages that are not reader pages: none today (the admin and previews are rendered per request). */
const HYDRATED_PAGE = /^\/(admin|preview|api)(\/|$)/

/** Page entries finished in this process: read back from disk, an entry is checked again. */
const finished = new WeakSet()

/**
 * Next.js's file-system cache, plus two changes to every cached reader page: Next.js's client
 * runtime is taken out of its HTML (../publishing/hydrationScripts.mjs: reader pages need no
 * React in the browser), and a Content-Security-Policy header lists the hash of each inline
 * script left (contentSecurityPolicy.mjs). Next.js sends the HTML and headers stored with a
 * cached page on every hit, so both cost one pass over the HTML per render, and a hit costs a
 * property lookup. The production server's kept responses
 * (scripts/responseCache.mjs) learn from it which tags each page carries and which tags expire.
 * A render that overlapped the expiry of one of its tags is not stored (../publishing/renderRaces.mjs).
 */
export default class ReaderPageCacheHandler extends FileSystemCache {
  /** @param {ConstructorParameters<typeof FileSystemCache>[0]} context */
  constructor(context) {
    super(withPageCacheDir(context))
  }

  /** @param {Parameters<NextFileSystemCache['set']>} args */
  async set(...args) {
    const [key, data, context] = args
    if (!renderRaces.mayKeep(key, tagsOf(data, context))) return
    noteTagsOf(key, data)
    // The response cache answers a miss with this same object once set() resolves, so the
    // first reader of a fresh render gets the stripped page and its header too.
    if (data && isAppPage(data)) finish(key, data)
    return super.set(...args)
  }

  /** @param {Parameters<NextFileSystemCache['get']>} args */
  async get(...args) {
    const entry = await super.get(...args)
    // Next.js renders (or reads the database for unstable_cache) only after a lookup that found nothing.
    if (!entry) renderRaces.renderStarted(args[0])
    const value = entry?.value
    noteTagsOf(args[0], value)
    // Pages prerendered by `next build` were written without going through set(), and a page
    // read back from disk may have been written by an earlier version of this handler. The
    // entry the memory cache keeps is changed, so this happens once per page.
    if (value && isAppPage(value) && !finished.has(value)) finish(args[0], value)
    return entry
  }

  /** @param {Parameters<NextFileSystemCache['revalidateTag']>} args */
  async revalidateTag(...args) {
    const [expiring] = args
    renderRaces.tagsExpired(typeof expiring === 'string' ? [expiring] : expiring)
    await super.revalidateTag(...args)
    // Here, not where the app calls revalidateTag: Next.js applies those calls after the
    // request that made them, and a search rendered in between would read the old results and
    // be kept a minute.
    const [tags] = args
    purgeOriginResponses(typeof tags === 'string' ? [tags] : tags)
  }
}

/**
 * Next.js keeps rendered pages and cached reads beside the build (.next/server and .next/cache).
 * Servers that share one build but not one database (the end-to-end tier's, side by side) each
 * keep theirs in `NEWSROOM_PAGE_CACHE_DIR` instead: one server's page must never be another's.
 * @param {ConstructorParameters<typeof FileSystemCache>[0]} context
 */
function withPageCacheDir(context) {
  const dir = process.env.NEWSROOM_PAGE_CACHE_DIR?.trim()
  return dir ? { ...context, serverDistDir: path.join(dir, 'server') } : context
}

/**
 * @param {string} key
 * @param {IncrementalCacheValue | null | undefined} value
 */
function noteTagsOf(key, value) {
  const kind = /** @type {string | undefined} */ (value?.kind)
  if (kind !== 'APP_PAGE' && kind !== 'APP_ROUTE') return
  const tags = /** @type {{ headers?: Record<string, unknown> }} */ (value).headers?.[NEXT_CACHE_TAGS_HEADER]
  if (typeof tags === 'string') noteCachedPageTags(key, tags)
}

/**
 * The tags a cache entry is stored with: a page's or route's in its headers, an
 * unstable_cache read's in the value and the lookup's context.
 * @param {IncrementalCacheValue | null | undefined} value
 * @param {object | undefined} context
 * @returns {string[]}
 */
function tagsOf(value, context) {
  const headerTags = /** @type {{ headers?: Record<string, unknown> }} */ (value ?? {}).headers?.[NEXT_CACHE_TAGS_HEADER]
  const valueTags = /** @type {{ tags?: unknown }} */ (value ?? {}).tags
  return [
    ...(typeof headerTags === 'string' ? headerTags.split(',') : []),
    ...(Array.isArray(valueTags) ? valueTags.filter((tag) => typeof tag === 'string') : []),
    ...(/** @type {{ tags?: string[] }} */ (context ?? {}).tags ?? []),
  ]
}

/**
 * The kind is compared as a string: Next.js declares it as a const enum, which plain
 * JavaScript cannot import.
 * @param {IncrementalCacheValue} value
 * @returns {value is CachedAppPage}
 */
function isAppPage(value) {
  return /** @type {string} */ (value.kind) === 'APP_PAGE'
}

/**
 * Strips a reader page of Next.js's scripts, then gives it the policy for what is left.
 * @param {string} key the page's path (`/index` for the front page)
 * @param {CachedAppPage} page
 */
function finish(key, page) {
  if (typeof page.html !== 'string') return
  // A partially prerendered shell is resumed with Next.js's scripts; none is configured.
  if (!HYDRATED_PAGE.test(key) && typeof page.postponed !== 'string') page.html = withoutHydrationScripts(page.html)
  page.headers = { ...page.headers, [CONTENT_SECURITY_POLICY_HEADER]: readerPagePolicyForHtml(page.html) }
  finished.add(page)
}
