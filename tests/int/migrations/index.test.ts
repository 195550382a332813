import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'

type DrizzleKit = {
  generateDrizzleJson: (schema: unknown) => Promise<unknown>
  generateMigration: (before: unknown, after: unknown) => Promise<string[]>
}
type SqliteAdapter = { schema: unknown; migrationDir: string; requireDrizzleKit: () => DrizzleKit }

/**
 * `next start` runs with NODE_ENV=production, where SQLite never pushes its schema: the
 * committed migrations alone must build a database the app can write to.
 */
describe('the committed SQLite migrations', () => {
  let payload: Payload
  let dir: string

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-migrate-'))
    process.env.DATABASE_URI = `file:${path.join(dir, 'prod.db')}`
    ;(process.env as Record<string, string>).NODE_ENV = 'production'
    const { getPayload } = await import('payload')
    const { default: config } = await import('@payload-config')
    payload = await getPayload({ config })
  })

  afterAll(async () => {
    await payload?.destroy()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('create every table a production start needs, so the seed loads on an empty database', async () => {
    const { seedNewsroom } = await import('@/seed/seedNewsroom')
    const report = await seedNewsroom(payload)
    expect(report.created.articles).toBeGreaterThan(0)
    const { docs } = await payload.find({ collection: 'payload-migrations', limit: 100 })
    expect(docs.map((doc) => doc.name)).toEqual(expect.arrayContaining([expect.stringMatching(/_initial$/)]))
  })

  it('describe the current schema: no collection change is left without a migration', async () => {
    const adapter = payload.db as unknown as SqliteAdapter
    const snapshots = fs.readdirSync(adapter.migrationDir).filter((file) => file.endsWith('.json')).sort()
    const latest = JSON.parse(fs.readFileSync(path.join(adapter.migrationDir, snapshots.at(-1)!), 'utf8'))
    const kit = adapter.requireDrizzleKit()
    const pending = await kit.generateMigration(latest, await kit.generateDrizzleJson(adapter.schema))
    expect(pending).toEqual([])
  })
})
