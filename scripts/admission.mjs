// @ts-check
// The production server's front door (scripts/server.mjs): what kind of request each is (a
// reader's, an anonymous reader's), how many reader page requests are rendered at once, and
// which are turned away when more arrive than the server can answer.
//
// The server is one Node.js thread. Without a limit, readers arriving faster than it renders
// (a breaking story at 10,000 articles, most pages not yet cached) were all taken in at once:
// every request waited behind every other, the ones whose readers had given up were still
// rendered, editors' saves queued behind hundreds of renders, and the heap grew until the
// process died (npm run soak, 100 pages a second at the origin: dead after 160 s).

/** @typedef {import('node:http').IncomingMessage} Request */
/** @typedef {import('node:http').ServerResponse} Response */

/** @type {Readonly<{ concurrency: number; maxWaiting: number; maxWaitMs: number; maxRenderMs: number }>} */
export const ADMISSION_DEFAULTS = Object.freeze({
  /**
   * Reader pages rendered at once. Rendering is CPU work on the one thread, and SQLite's
   * statements run on it too, so more at once only interleaves them: a few keep the disk
   * cache's reads overlapped while an editor's save still gets the thread between renders.
   */
  concurrency: 6,
  /** Reader pages waiting for their turn; beyond this a newcomer is turned away at once. */
  maxWaiting: 300,
  /** A reader who has waited this long is answered 503 rather than rendered late. */
  maxWaitMs: 4_000,
  /** A reader page still rendering after this long gives its slot up (see run). */
  maxRenderMs: 15_000,
})

/** What Next.js serves itself (build assets, the admin and the API): never queued. */
const UNQUEUED_PATH = /^\/(api|admin|_next)(\/|$)/
const READ_METHODS = new Set(['GET', 'HEAD'])

/**
 * Whether a request is a reader's page (or feed, sitemap, search): what arrives in floods.
 * Editors' requests are few, carry their work, and are never made to wait behind readers.
 * @param {{ method?: string; url?: string }} request
 */
export function isReaderRequest(request) {
  return READ_METHODS.has(request.method ?? 'GET') && !UNQUEUED_PATH.test(request.url ?? '/')
}

/** The cookies that make a response someone's own, as deploy/varnish/default.vcl names them. */
const SIGNED_IN = /(^|;\s*)(payload-token|__prerender_bypass|__next_preview_data)=/

/**
 * Whether a request is an anonymous reader's: one every such reader of the address is answered
 * alike (no session, no preview).
 * @param {{ method?: string; url?: string; headers: import('node:http').IncomingHttpHeaders }} request
 */
export function isAnonymousReaderRequest(request) {
  return isReaderRequest(request) && !request.headers.authorization && !SIGNED_IN.test(request.headers.cookie ?? '')
}

/**
 * The path a request asks for, or null when its target is no URL at all: Node.js passes on
 * an absolute-form target such as `http://[` as it came, and `new URL` throws on it.
 * @param {{ url?: string }} request
 */
export function requestPathname(request) {
  try {
    return new URL(request.url ?? '/', 'http://origin').pathname
  } catch {
    return null
  }
}

const BUSY_PAGE = '<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>服务器繁忙</title><p>读者太多，服务器正忙，请稍后刷新本页（server busy, retry shortly）。</p></html>'

/** @param {Response} response */
function answerBusy(response) {
  if (response.headersSent || response.writableEnded) return
  response.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '5' })
  response.end(BUSY_PAGE)
}

/**
 * `admit(request, response, handle)` runs `handle` for a reader's request when a slot is free
 * (in arrival order, newest first when the queue is backed up); a request whose reader hung up
 * while it waited is dropped unrendered; one that waited `maxWaitMs`, or arrived to a full
 * queue, is answered 503 with Retry-After. Anything else is handled at once.
 * @param {Partial<typeof ADMISSION_DEFAULTS> & { onOverdue?: (request: string) => void }} [options]
 */
export function createAdmission(options = {}) {
  const { concurrency, maxWaiting, maxWaitMs, maxRenderMs } = { ...ADMISSION_DEFAULTS, ...options }
  /** @type {{ request: Request; response: Response; handle: () => Promise<unknown>; arrivedAt: number }[]} */
  const waiting = []
  let active = 0
  const figures = { admitted: 0, turnedAway: { full: 0, waited: 0 }, abandoned: 0, overdue: 0 }

  /**
   * The slot is freed when the handler settles, when the response is closed (sent, or the
   * reader hung up), or after `maxRenderMs` at the latest: a render that never ends must not
   * keep its slot, or a few of them stop every reader page (the soak saw the queue stand still
   * while the API answered in milliseconds). The render itself goes on; the log names it.
   * @param {Request} request
   * @param {Response} response
   * @param {() => Promise<unknown>} handle
   */
  const run = (request, response, handle) => {
    active += 1
    figures.admitted += 1
    let freed = false
    const free = () => {
      if (freed) return
      freed = true
      clearTimeout(overdue)
      response.off('close', free)
      active -= 1
      next()
    }
    const overdue = setTimeout(() => {
      figures.overdue += 1
      options.onOverdue?.(`${request.method} ${request.url}`)
      free()
    }, maxRenderMs)
    overdue.unref()
    response.once('close', free)
    // A handler that throws has answered (Next.js answers its own errors).
    void Promise.resolve().then(handle).catch(() => {}).finally(free)
  }

  /** Drops the waiting readers who hung up, and answers those who waited too long, oldest first. */
  const sweep = () => {
    const now = performance.now()
    for (let index = 0; index < waiting.length; ) {
      const turn = waiting[index]
      if (turn.request.destroyed || turn.response.destroyed) {
        figures.abandoned += 1
        waiting.splice(index, 1)
      } else if (now - turn.arrivedAt > maxWaitMs) {
        figures.turnedAway.waited += 1
        answerBusy(turn.response)
        waiting.splice(index, 1)
      } else index += 1
    }
  }
  // Waiting readers are answered on time even while every slot is taken by slow renders.
  setInterval(sweep, Math.max(100, maxWaitMs / 8)).unref()

  /**
   * Arrival order while the queue moves; newest first once its oldest has waited a quarter of
   * `maxWaitMs` (adaptive LIFO): when more arrive than are answered, serving the oldest first
   * makes every reader wait nearly the whole limit, while serving the newest answers most
   * readers at once and turns away the ones who have already waited longest.
   */
  const takeNext = () => (performance.now() - waiting[0].arrivedAt > maxWaitMs / 4 ? waiting.pop() : waiting.shift())

  const next = () => {
    sweep()
    while (active < concurrency && waiting.length > 0) {
      const turn = /** @type {(typeof waiting)[number]} */ (takeNext())
      run(turn.request, turn.response, turn.handle)
    }
  }

  /**
   * @param {Request} request
   * @param {Response} response
   * @param {() => Promise<unknown>} handle
   */
  function admit(request, response, handle) {
    if (!isReaderRequest(request)) return void handle().catch(() => {})
    if (active < concurrency && waiting.length === 0) return void run(request, response, handle)
    if (waiting.length >= maxWaiting) {
      figures.turnedAway.full += 1
      return answerBusy(response)
    }
    waiting.push({ request, response, handle, arrivedAt: performance.now() })
  }

  return Object.assign(admit, {
    /** Counts since start, and the queue now: for the server's periodic log line and the tests. */
    figures: () => ({ ...figures, turnedAway: { ...figures.turnedAway }, active, waiting: waiting.length }),
  })
}
