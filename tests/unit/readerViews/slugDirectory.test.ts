import { SlugDirectory } from '@/readerViews/slugDirectory'

describe('the slug directory', () => {
  it('answers from memory, reading the list again at most every ten seconds however many unknown slugs arrive', async () => {
    let now = 0
    let loads = 0
    const directory = new SlugDirectory(
      async () => {
        loads += 1
        return new Map([['gui-yang', 1]])
      },
      { clock: () => now },
    )
    expect(await directory.idOf('gui-yang')).toBe(1)
    for (let i = 0; i < 100; i++) expect(await directory.idOf(`made-up-${i}`)).toBeNull()
    expect(loads).toBe(1)
    now = 10_001
    expect(await directory.idOf('made-up')).toBeNull()
    expect(await directory.idOf('another-made-up')).toBeNull()
    expect(loads).toBe(2)
    // A known slug waits for the list's minute.
    now = 60_000
    expect(await directory.idOf('gui-yang')).toBe(1)
    expect(loads).toBe(2)
  })

  it('reads once for beacons arriving together, and keeps the old list when a read fails', async () => {
    let loads = 0
    let fail = false
    let now = 0
    const directory = new SlugDirectory(
      async () => {
        loads += 1
        if (fail) throw new Error('database gone')
        return new Map([['a', 1]])
      },
      { clock: () => now },
    )
    expect(await Promise.all([directory.idOf('a'), directory.idOf('a'), directory.idOf('b')])).toEqual([1, 1, null])
    expect(loads).toBe(1)
    fail = true
    now = 70_000
    await expect(directory.idOf('a')).rejects.toThrow('database gone')
    expect(await directory.idOf('a')).toBe(1)
    expect(loads).toBe(2)
  })
})
