// @ts-check
// The production server, as `npm start` (scripts/start.mjs), the bench and the soak run it:
//   node scripts/server.mjs [--port 3000] [--hostname 0.0.0.0]
// Next.js's own request handler, the one `next start` uses, behind the admission queue of
// scripts/admission.mjs: `next start` offers no place to decide which requests wait.
import http from 'node:http'
import { parseArgs } from 'node:util'

import { ADMISSION_DEFAULTS, createAdmission, isAnonymousReaderRequest } from './admission.mjs'
import { runShutdownTasks } from '../src/lifecycle/shutdown.mjs'
import { cachedPageTags, registerOriginResponseCache } from '../src/publishing/originResponses.mjs'
import { stripReaderPageScripts } from './readerPageScripts.mjs'
import { createResponseCache } from './responseCache.mjs'
import { shareSearchResults } from './searchCaching.mjs'

// As `next start` does, before Next.js is loaded: it picks its production code by NODE_ENV.
process.env.NODE_ENV = 'production'
const { default: next } = await import('next')

const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } })
const port = Number(values.port ?? process.env.PORT ?? 3000)
// The timed-publishing loop (src/workflow/boot.ts) calls this server back on $PORT: started with
// --port alone, it called port 3000, and nothing scheduled was ever published.
process.env.PORT = String(port)
// Not $HOSTNAME, which container runtimes set to the container's name.
const hostname = values.hostname ?? '0.0.0.0'

const app = next({ dev: false, dir: process.cwd(), hostname, port })
const handle = app.getRequestHandler()
await app.prepare()

const LOG_EVERY_MS = 60_000
const admit = createAdmission({
  onOverdue: (request) => console.warn(`读者页面渲染超过 ${ADMISSION_DEFAULTS.maxRenderMs / 1000} 秒仍未结束，已让出名额：${request}`),
})
let loggedTurnedAway = admit.figures().turnedAway
setInterval(() => {
  const { active, waiting, abandoned, turnedAway } = admit.figures()
  const full = turnedAway.full - loggedTurnedAway.full
  const waited = turnedAway.waited - loggedTurnedAway.waited
  loggedTurnedAway = turnedAway
  if (full + waited === 0) return
  console.warn(`读者请求超出服务能力：过去一分钟 ${full} 个因排队已满、${waited} 个因等待过久答以 503；正在渲染 ${active} 个，排队 ${waiting} 个，累计 ${abandoned} 个读者在排队时离开`)
}, LOG_EVERY_MS).unref()

// Anonymous readers' pages, search results included, kept whole and forgotten on the public
// changes that concern them: answered before the admission queue, as the cache tier would.
const readerResponses = createResponseCache({ admits: isAnonymousReaderRequest, pageTags: cachedPageTags })
registerOriginResponseCache(readerResponses)

const server = http.createServer((request, response) => {
  if (readerResponses.serve(request, response)) return
  shareSearchResults(request, response)
  // After the response cache, which then keeps what this leaves; before Next.js's compression.
  stripReaderPageScripts(request, response)
  admit(request, response, () =>
    handle(request, response).catch((/** @type {unknown} */ error) => {
      console.error(`处理请求 ${request.method} ${request.url} 时出错：`, error)
      if (!response.headersSent) response.writeHead(500)
      response.end()
    }),
  )
})
server.listen(port, hostname, () => console.log(`✓ 服务器已就绪：http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`))

let stopping = false
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  // Every signal is handled, not only the first: `npm start` signals this process itself and its
  // whole process group gets the same signal, and a second one must not cut the shutdown short.
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    server.close()
    // What the app must not lose, such as the views counted since the last flush (src/readerViews).
    void runShutdownTasks().finally(() => process.exit(0))
  })
}
