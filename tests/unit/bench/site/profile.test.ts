import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { summariseProfile } from '../../../../bench/site/profile'

const frame = (id: number, functionName: string, url: string, children: number[] = []) => ({ id, callFrame: { functionName, url, lineNumber: id, columnNumber: 0 }, children })

// A server's profile in miniature: 30 ms of start-up in a module loader, then 100 ms of
// serving split between gzip (40), an anonymous function of a Next.js chunk (35) and idle (25).
const profile = {
  nodes: [frame(1, '(root)', '', [2, 3, 4, 5]), frame(2, 'wrapSafe', 'node:internal/modules/cjs/loader'), frame(3, 'processChunk', 'node:zlib'), frame(4, '', 'file:///app/.next/server/chunks/ssr/node_modules_next_dist_abc._.js'), frame(5, '(idle)', '')],
  samples: [2, 2, 2, 3, 4, 3, 5, 4, 3, 5],
  timeDeltas: [10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 12_500, 25_000, 20_000, 12_500],
}

describe('summariseProfile', () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-profile-')), 'server.cpuprofile')
  beforeAll(() => fs.writeFileSync(file, JSON.stringify(profile)))
  afterAll(() => fs.rmSync(path.dirname(file), { recursive: true, force: true }))

  it('leaves out the samples taken before the load began', () => {
    const summary = summariseProfile(file, 30)
    expect(summary.sampledMs).toBe(100)
    expect(summary.functions.map((entry) => entry.name)).not.toContain('wrapSafe')
  })

  it('gives each kind of work its share of the sampled time', () => {
    expect(summariseProfile(file, 30).kinds).toEqual({ gzip: 40, next: 35, idle: 25 })
  })

  it('names anonymous functions of bundles by file, line and column, busiest first', () => {
    const [first, second] = summariseProfile(file, 30).functions
    expect(first).toEqual({ name: 'processChunk', where: 'node:zlib:4:1', share: 40 })
    expect(second).toEqual({ name: '(anonymous)', where: 'node_modules_next_dist_abc._.js:5:1', share: 35 })
  })

  it('counts every sample when told to start at zero', () => {
    expect(summariseProfile(file, 0).sampledMs).toBe(130)
  })
})
