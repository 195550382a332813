import { loadSeedData } from '../../../src/seed/data'
import { seedNewsroom } from '../../../src/seed/seedNewsroom'
import { startTestPayload, type TestPayload } from '../../helpers/payload'

let ctx: TestPayload

beforeAll(async () => {
  ctx = await startTestPayload()
})

afterAll(async () => {
  await ctx?.cleanup()
})

describe('seeding the newsroom from the seed pages', () => {
  it('loads every seeded article, column, byline, region, tag and photo', async () => {
    const data = loadSeedData()
    const report = await seedNewsroom(ctx.payload)
    expect(report.created.articles).toBe(data.articles.length)
    const articles = await ctx.payload.find({ collection: 'articles', draft: true, limit: 100, depth: 0 })
    expect(articles.totalDocs).toBe(data.articles.length)
    expect(report.created.photos).toBe(data.photos.length)
  })

  it('changes nothing when run a second time', async () => {
    const report = await seedNewsroom(ctx.payload)
    expect(report.created).toEqual({})
  })
})
