import type { Article, Column, Desk, Photo } from '@payload-types'
import { formatBylines } from '@/newsroom/bylines'
import { findChannelArticles } from '@/reader/data/channelQueries'
import { loadSeedData } from '@/seed/data'
import { seedNewsroom } from '@/seed/seedNewsroom'
import { useTestPayload } from '../../helpers/payload'

const seed = loadSeedData()
const db = useTestPayload()

async function allArticles(): Promise<Article[]> {
  const { docs } = await db.payload.find({ collection: 'articles', draft: true, limit: 100, depth: 2, sort: 'id' })
  return docs
}

type LexicalChild = { type: string; tag?: string; fields?: { blockType?: string } }
const bodyNodes = (article: Article) => (article.body?.root.children ?? []) as LexicalChild[]

describe('seeding the newsroom from the seed pages', () => {
  it('loads every seeded desk, article, column, channel, byline, region, tag and photo', async () => {
    const report = await seedNewsroom(db.payload)
    expect(report.created).toEqual({
      desks: seed.desks.length,
      regions: seed.regions.length,
      tags: seed.tags.length,
      bylines: seed.bylines.people.length + seed.bylines.organisations.length,
      columns: seed.columns.length,
      channels: seed.channels.length,
      photos: seed.photos.length,
      articles: seed.articles.length,
    })
  })

  it('stores each article with its headline, deck, column, installment, bylines in print order and body structure', async () => {
    const stored = await allArticles()
    for (const expected of seed.articles) {
      const article = stored.find((candidate) => candidate.sourceKey === `seed:${expected.page}:${expected.key}`)
      expect(article).toBeDefined()
      if (!article) continue
      expect(article.title).toBe(expected.title)
      expect(article.subtitle ?? null).toBe(expected.subtitle)
      expect(article._status).toBe(expected.status)
      expect((article.column as Column | null)?.name ?? null).toBe(expected.column)
      // Both seed pages, city and county news, are the 市州新闻部's.
      expect((article.desk as Desk | null)?.name).toBe('市州新闻部')
      const bylines = (article.bylines ?? []).map((row) => ({ name: (row.byline as { name: string }).name, role: row.role }))
      expect(formatBylines(bylines)).toBe(formatBylines(expected.bylines))
      const nodes = bodyNodes(article)
      expect(nodes).toHaveLength(expected.body.length)
      expect(nodes.filter((node) => node.type === 'heading')).toHaveLength(expected.body.filter((block) => block.type === 'subhead').length)
      expect(nodes.filter((node) => node.fields?.blockType === 'labelledBox')).toHaveLength(
        expected.body.filter((block) => block.type === 'box' || block.type === 'section').length,
      )
      expect(article.reviewFlags?.map((flag) => flag.kind)).toEqual(expected.reviewFlags.map((flag) => flag.kind))
      expect(article.needsReview).toBe(expected.reviewFlags.length > 0)
    }
  })

  it('creates webp renditions of the placeholder photos, including a 1200×630 share crop, with credits', async () => {
    const { docs } = await db.payload.find({ collection: 'photos', depth: 1 })
    expect(docs).toHaveLength(seed.photos.length)
    for (const photo of docs as Photo[]) {
      expect(photo.mimeType).toBe('image/webp')
      expect(photo.sizes?.share).toMatchObject({ width: 1200, height: 630, mimeType: 'image/webp' })
      expect(photo.alt).toMatch(/^占位图/)
      expect(photo.creditByline).toEqual(expect.objectContaining({ name: expect.any(String) }))
    }
  })

  it('shows anonymous readers only the published articles', async () => {
    const { docs } = await db.payload.find({ collection: 'articles', overrideAccess: false, limit: 100, depth: 0 })
    expect(docs.map((doc) => doc.title).sort()).toEqual(
      seed.articles.filter((article) => article.status === 'published').map((article) => article.title).sort(),
    )
  })

  it('files the published seed articles in the channels their desk and tags feed', async () => {
    const publishedCount = seed.articles.filter((article) => article.status === 'published').length
    expect((await findChannelArticles(db.payload, 'shizhou', 1))?.totalDocs).toBe(publishedCount)
    const economy = await findChannelArticles(db.payload, 'jingji', 1)
    expect(economy?.docs.map((article) => article.title).sort()).toEqual(
      seed.articles.filter((article) => article.status === 'published' && article.tags.some((tag) => ['科技创新', '国有资产', '商务', '招商引资', '产业发展'].includes(tag))).map((article) => article.title).sort(),
    )
  })

  it('creates no user accounts: those belong to the demo start alone', async () => {
    const { totalDocs } = await db.payload.count({ collection: 'users' })
    expect(totalDocs).toBe(0)
  })

  it('changes nothing when run a second time, even after an editor retitled an article', async () => {
    const [first] = await allArticles()
    await db.payload.update({ collection: 'articles', id: first.id, data: { title: `${first.title}（修改）` }, draft: true })
    const before = await allArticles()
    const report = await seedNewsroom(db.payload)
    expect(report.created).toEqual({})
    const after = await allArticles()
    expect(after.map((article) => [article.id, article.title, article.updatedAt])).toEqual(
      before.map((article) => [article.id, article.title, article.updatedAt]),
    )
  })
})
