// Keeps the production server running: `npm start` (and the Docker image's CMD) start it
// through this, so a server that dies (out of memory, a native crash, `kill -9`) is back
// within seconds instead of leaving the newsroom without its CMS until someone notices.
// docker-compose's `restart: unless-stopped` stays as the outer guard: when the server keeps
// dying at once, this gives up and exits non-zero so the container is restarted and the
// failure is visible to the operator.

/** Waits before the n-th consecutive restart (1 s, 2 s, 4 s, then 5 s), so a killed server is back in well under 10 s. */
export const RESTART_DELAYS_MS = [1000, 2000, 4000, 5000]
/** A server that stayed up this long counts as healthy again: its next crash restarts after the first delay. */
export const HEALTHY_AFTER_MS = 60_000
/** Consecutive quick crashes after which restarting is pointless (a port in use, a broken build). */
export const MAX_QUICK_CRASHES = 5

/**
 * Runs `spawnServer()` and starts it again whenever it exits unasked. `stop(signal)` passes
 * the signal on and ends supervision; `done` resolves with the exit code for this process.
 */
export function superviseServer({ spawnServer, beforeStart = () => {}, log = console.error, delays = RESTART_DELAYS_MS, healthyAfterMs = HEALTHY_AFTER_MS, maxQuickCrashes = MAX_QUICK_CRASHES }) {
  let stop = () => {}
  const done = new Promise((resolve) => {
    let child = null
    let stopping = false
    let quickCrashes = 0
    let restarts = 0
    let timer = null

    const start = () => {
      beforeStart()
      const startedAt = Date.now()
      child = spawnServer()
      child.on('exit', (code, signal) => {
        child = null
        if (stopping) return resolve(0)
        const ranMs = Date.now() - startedAt
        quickCrashes = ranMs >= healthyAfterMs ? 1 : quickCrashes + 1
        const how = signal ? `信号 ${signal}` : `退出码 ${code}`
        if (quickCrashes >= maxQuickCrashes) {
          log(`✖ 服务器进程连续 ${maxQuickCrashes} 次在启动后不久退出（${how}），不再重启（server keeps crashing; giving up）`)
          return resolve(code || 1)
        }
        const delay = delays[Math.min(quickCrashes - 1, delays.length - 1)]
        restarts += 1
        log(`✖ 服务器进程意外退出（${how}，运行了 ${Math.round(ranMs / 1000)} 秒），${delay / 1000} 秒后第 ${restarts} 次重启（server died; restarting）`)
        timer = setTimeout(() => {
          timer = null
          if (!stopping) start()
        }, delay)
      })
    }

    stop = (signal) => {
      stopping = true
      if (timer) {
        clearTimeout(timer)
        timer = null
      }
      if (child) child.kill(signal)
      else resolve(0)
    }
    start()
  })
  return { done, stop: (signal = 'SIGTERM') => stop(signal) }
}
