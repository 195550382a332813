import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// `npm run bench -- --smoke --cache --profile --only site` end to end: a tiny newsroom, the
// production build, both baselines, Varnish and a profiled origin. Checks that it keeps working and that nothing failed
// under load, never how fast anything was.
const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-smoke-')), 'site.json')
afterAll(() => fs.rmSync(path.dirname(out), { recursive: true, force: true }))

type Figures = { paths: number; throughput: { requestsPerSecond: number; errors: number; non2xx: number }; fixedRate: { p99: number; achievedRate: number; errors: number; non2xx: number; requests: number } }

describe('npm run bench -- --smoke --cache --profile --only site', () => {
  it('loads every kind of reader page at the origin and through Varnish without an error, and publishes visibly through both', () => {
    const env = { ...process.env }
    delete env.DATABASE_URI
    const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--smoke', '--cache', '--profile', '--only', 'site', '--out', out], { env, encoding: 'utf8', timeout: 14 * 60 * 1000 })
    expect({ status: run.status, stderr: run.status === 0 ? '' : run.stderr.slice(-3000) }).toEqual({ status: 0, stderr: '' })
    expect(run.stdout).toContain('经 Varnish 缓存层')
    const { site } = JSON.parse(fs.readFileSync(out, 'utf8'))
    const kinds = ['article', 'home', 'column', 'byline', 'region', 'feed', 'sitemap', 'search']
    for (const tier of [site.origin, site.cache] as Record<string, Figures>[]) {
      expect(Object.keys(tier).sort()).toEqual([...kinds].sort())
      for (const figures of Object.values(tier)) {
        expect(figures.throughput.requestsPerSecond).toBeGreaterThan(0)
        expect(figures.fixedRate.requests).toBeGreaterThan(0)
        expect(figures.fixedRate.achievedRate).toBeGreaterThan(0)
        expect([figures.throughput.errors, figures.throughput.non2xx, figures.fixedRate.errors, figures.fixedRate.non2xx]).toEqual([0, 0, 0, 0])
      }
    }
    expect(site.baseline.nginx.throughput.requestsPerSecond).toBeGreaterThan(0)
    expect(site.baseline.nextPage.throughput.errors).toBe(0)
    expect(site.publishToVisible.originMs).not.toBeNull()
    expect(site.publishToVisible.cacheMs).not.toBeNull()
    expect(site.editors.adminList.requests).toBeGreaterThan(0)
    expect(site.peakRssMb).toBeGreaterThan(0)
    expect(fs.existsSync(site.articleProfile.file)).toBe(true)
    expect(site.articleProfile.sampledMs).toBeGreaterThan(0)
    expect(site.articleProfile.functions.length).toBeGreaterThan(0)
    expect(run.stdout).toContain('源站稿件页 CPU 剖析')
  }, 15 * 60 * 1000)
})
