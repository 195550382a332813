import { onShutdown, runShutdownTasks } from '@/lifecycle/shutdown.mjs'

describe('shutdown tasks', () => {
  it('are all run and waited for, one per name, and a stuck one is given up on after the timeout', async () => {
    const done: string[] = []
    onShutdown('first', async () => done.push('replaced'))
    onShutdown('first', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50))
      done.push('first')
    })
    onShutdown('failing', async () => {
      throw new Error('database gone')
    })
    onShutdown('stuck', () => new Promise(() => {}))
    const started = Date.now()
    await runShutdownTasks(300)
    expect(done).toEqual(['first'])
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
