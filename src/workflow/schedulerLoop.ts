/**
 * Started with the server (instrumentation.ts). Every tick asks the server's own scheduler
 * endpoint to run, rather than calling runDueSchedules directly: inside a request, the
 * collection hooks can expire the reader cache (Next.js refuses cache invalidation outside
 * one), so a timed publication is visible to readers at once.
 */
export const SCHEDULER_PATH = '/api/articles/run-schedules'
export const SCHEDULER_HEADER = 'x-newsroom-scheduler'

type LoopOptions = { baseUrl: string; token: string; intervalMs?: number; firstRunMs?: number; log?: (message: string) => void }

const started = Symbol.for('newsroom.schedulerLoop')

export function startSchedulerLoop({ baseUrl, token, intervalMs = 15_000, firstRunMs = 3_000, log = console.error }: LoopOptions): void {
  const registry = globalThis as unknown as Record<symbol, boolean>
  if (registry[started]) return
  registry[started] = true
  const tick = async () => {
    try {
      const response = await fetch(`${baseUrl}${SCHEDULER_PATH}`, { method: 'POST', headers: { [SCHEDULER_HEADER]: token } })
      if (!response.ok) log(`定时发布检查失败：HTTP ${response.status}`)
    } catch (error) {
      log(`定时发布检查未能连接服务器：${(error as Error).message}`)
    }
  }
  setTimeout(() => void tick(), firstRunMs).unref()
  setInterval(() => void tick(), intervalMs).unref()
}
