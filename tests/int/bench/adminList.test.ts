import { runAdminListBench } from '../../../bench/adminList'
import { useTestPayload } from '../../helpers/payload'

const db = useTestPayload()

// The smoke version of `npm run bench -- --only admin`: it checks what is measured, never how fast.
describe('the admin list benchmark', () => {
  it('tops the database up to the size asked for and times the list as an editor and as a journalist', async () => {
    const before = (await db.payload.count({ collection: 'articles' })).totalDocs
    const result = await runAdminListBench(db.payload, { size: before + 60, rounds: 5, log: () => undefined })
    expect(result.fill.added).toBe(60)
    expect((await db.payload.count({ collection: 'articles' })).totalDocs).toBe(before + 60)
    expect(result.editor.requests).toBe(5)
    expect(result.journalist.requests).toBe(5)
    expect(result.editor.p95).toBeGreaterThan(0)
  })

  it('writes articles the admin list shows as published, with their bylines, like ones saved through the Local API', async () => {
    const listed = await db.payload.find({ collection: 'articles', draft: true, depth: 1, limit: 1, sort: '-createdAt', where: { slug: { like: 'admin-bench-' } } })
    const [article] = listed.docs
    expect(article._status).toBe('published')
    expect(article.title.length).toBeGreaterThan(0)
    expect(article.bylines?.length).toBeGreaterThan(0)
    expect(typeof article.bylines?.[0].byline === 'object' && article.bylines[0].byline?.name).toBeTruthy()
    const published = await db.payload.find({ collection: 'articles', limit: 1, where: { id: { equals: article.id } }, overrideAccess: false })
    expect(published.totalDocs).toBe(1)
  })
})
