import { spawn } from 'node:child_process'

import { superviseServer } from '../../../scripts/supervisor.mjs'

/** A stand-in server: a real Node.js process that lives `ms` milliseconds, or until killed. */
const serverLiving = (ms: number) => () => spawn(process.execPath, ['-e', `setTimeout(() => process.exit(3), ${ms})`], { stdio: 'ignore' })
const fastDelays = [50, 100, 200]

describe('the server supervisor behind npm start', () => {
  it('starts a server that died again, and says so in the log', async () => {
    const log: string[] = []
    const pids: number[] = []
    const spawnServer = serverLiving(100)
    const supervision = superviseServer({
      spawnServer: () => {
        const child = spawnServer()
        pids.push(child.pid!)
        if (pids.length === 3) setTimeout(() => supervision.stop('SIGTERM'), 20)
        return child
      },
      log: (line: string) => log.push(line),
      delays: fastDelays,
    })
    await expect(supervision.done).resolves.toBe(0)
    expect(new Set(pids).size).toBe(3)
    expect(log).toHaveLength(2)
    expect(log[0]).toMatch(/意外退出（退出码 3.*第 1 次重启/)
  })

  it('restarts a server killed with SIGKILL after the first back-off delay', async () => {
    const starts: number[] = []
    const spawnServer = serverLiving(60_000)
    const supervision = superviseServer({
      spawnServer: () => {
        const child = spawnServer()
        starts.push(Date.now())
        if (starts.length === 1) setTimeout(() => child.kill('SIGKILL'), 50)
        else setTimeout(() => supervision.stop('SIGTERM'), 20)
        return child
      },
      log: () => {},
      delays: [300, 5000],
    })
    await expect(supervision.done).resolves.toBe(0)
    expect(starts).toHaveLength(2)
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(300)
    expect(starts[1] - starts[0]).toBeLessThan(5000)
  })

  it('gives up with a non-zero code when the server keeps dying at once', async () => {
    const log: string[] = []
    let starts = 0
    const spawnServer = serverLiving(10)
    const supervision = superviseServer({ spawnServer: () => (starts++, spawnServer()), log: (line: string) => log.push(line), delays: fastDelays, maxQuickCrashes: 3 })
    await expect(supervision.done).resolves.toBe(3)
    expect(starts).toBe(3)
    expect(log.at(-1)).toMatch(/不再重启/)
  })

  it('passes a stop signal on and does not restart the server it stopped', async () => {
    let starts = 0
    let exitSignal: string | null = null
    const spawnServer = serverLiving(60_000)
    const supervision = superviseServer({
      spawnServer: () => {
        starts += 1
        const child = spawnServer()
        child.on('exit', (_code, signal) => (exitSignal = signal))
        setTimeout(() => supervision.stop('SIGINT'), 50)
        return child
      },
      log: () => {},
      delays: fastDelays,
    })
    await expect(supervision.done).resolves.toBe(0)
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(starts).toBe(1)
    expect(exitSignal).toBe('SIGINT')
  })

  it('clears what the dead server cached before every start', async () => {
    const order: string[] = []
    const spawnServer = serverLiving(30)
    const supervision = superviseServer({
      spawnServer: () => {
        order.push('spawn')
        if (order.length >= 4) setTimeout(() => supervision.stop('SIGTERM'), 10)
        return spawnServer()
      },
      beforeStart: () => order.push('clear'),
      log: () => {},
      delays: fastDelays,
    })
    await supervision.done
    expect(order).toEqual(['clear', 'spawn', 'clear', 'spawn'])
  })
})
