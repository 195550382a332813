import { WriteLock, WriteLockTimeout } from '@/database/writeLock'

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

describe('WriteLock', () => {
  it('lets writers through one at a time, in the order they asked', async () => {
    const lock = new WriteLock(1_000)
    const order: string[] = []
    const writer = (name: string, ms: number) =>
      lock.run(async () => {
        order.push(`${name} starts`)
        await new Promise((resolve) => setTimeout(resolve, ms))
        order.push(`${name} ends`)
      })
    await Promise.all([writer('a', 20), writer('b', 1), writer('c', 1)])
    expect(order).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends'])
    expect(lock.busy).toBe(false)
  })

  it('gives up on a writer that waited too long, saying so in Chinese, and still serves the next one', async () => {
    const lock = new WriteLock(30)
    const release = await lock.acquire()
    const error = await lock.acquire().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(WriteLockTimeout)
    expect((error as Error).message).toContain('数据库写入排队超过')
    const next = lock.acquire()
    release()
    const nextRelease = await next
    expect(lock.busy).toBe(true)
    nextRelease()
    expect(lock.busy).toBe(false)
  })

  it('ignores a second release of the same grant, so it cannot free the next holder', async () => {
    const lock = new WriteLock(1_000)
    const first = await lock.acquire()
    const second = lock.acquire()
    first()
    const secondRelease = await second
    first()
    await tick()
    let thirdGranted = false
    const third = lock.acquire().then((release) => {
      thirdGranted = true
      release()
    })
    await tick()
    expect(thirdGranted).toBe(false)
    secondRelease()
    await third
    expect(thirdGranted).toBe(true)
  })

  it('releases the lock when the write throws', async () => {
    const lock = new WriteLock(1_000)
    await expect(lock.run(async () => Promise.reject(new Error('写入失败')))).rejects.toThrow('写入失败')
    expect(lock.busy).toBe(false)
  })
})
