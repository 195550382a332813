import { down, up } from '@/migrations/20261123_071805_credited_bylines'
import { useTestPayload } from '../../helpers/payload'

const db = useTestPayload()
const onSqlite = process.env.TEST_MONGODB_URI ? it.skip : it

describe('the credited-bylines migration', () => {
  onSqlite('fills in the credits of articles written before it, on the article and on each of its versions', async () => {
    const { payload } = db
    const first = await payload.create({ collection: 'bylines', data: { name: '迁移甲', kind: 'staff' } as never })
    const second = await payload.create({ collection: 'bylines', data: { name: '迁移乙', kind: 'staff' } as never })
    const credited = await payload.create({ collection: 'articles', data: { title: '迁移前的稿件', bylines: [{ byline: first.id, role: 'reporter' }, { byline: second.id, role: 'correspondent' }] } as never, draft: true })
    const uncredited = await payload.create({ collection: 'articles', data: { title: '迁移前的无署名稿' } as never, draft: true })
    const args = { db: (payload.db as unknown as { drizzle: never }).drizzle, payload, req: {} as never }
    await down(args)
    await up(args)

    const stored = await payload.findByID({ collection: 'articles', id: credited.id, depth: 0 })
    expect(stored.creditedBylines?.split(',').filter(Boolean).map(Number).sort()).toEqual([first.id, second.id].map(Number).sort())
    const { docs: versions } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: credited.id } }, depth: 0 })
    expect(versions.length).toBeGreaterThan(0)
    for (const version of versions) expect(version.version.creditedBylines).toBe(stored.creditedBylines)
    expect((await payload.findByID({ collection: 'articles', id: uncredited.id, depth: 0 })).creditedBylines ?? null).toBeNull()
  })
})
