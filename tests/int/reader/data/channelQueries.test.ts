import type { Payload } from 'payload'

import type { Article, Channel } from '@payload-types'
import { placementsOf } from '@/publishing/articlePlacement'
import { articleTagsToExpire, CACHE_TAGS } from '@/publishing/cacheTags'
import { findChannelArticles, findChannelBySlug, findChannelNeighbours, findChannelNewest, findNavigationChannels } from '@/reader/data/channelQueries'
import { TEST_DESK, type Staff } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { publishThroughChain, transitionAs } from '../../../helpers/workflow'

/**
 * Channels against a real (temporary) database: what an editor's rules take in, read as an
 * anonymous reader, and which pages a publication expires.
 */

let payload: Payload
let staff: Staff
// Ids as the generated types spell them (numbers on SQLite; MongoDB's strings pass through unchanged).
const ids: Record<string, number> = {}

useTestPayload({ staff: true }, async (booted) => {
  ;({ payload, staff } = booted)
  const create = async (collection: 'tags' | 'regions' | 'columns' | 'desks', data: Record<string, unknown>) => (await payload.create({ collection, data: data as never })).id as number
  ids.economy = await create('tags', { name: '产业发展', slug: 'chan-ye' })
  ids.education = await create('tags', { name: '教育', slug: 'jiao-yu' })
  ids.province = await create('regions', { name: '湖南省', slug: 'hunan', kind: 'province' })
  ids.city = await create('regions', { name: '郴州市', slug: 'chenzhou', kind: 'city', parent: ids.province })
  ids.county = await create('regions', { name: '桂阳县', slug: 'guiyang', kind: 'county', parent: ids.city })
  ids.column = await create('columns', { name: '善治天心', slug: 'shan-zhi' })
  ids.otherDesk = await create('desks', { name: '经济部' })
  const { docs } = await payload.find({ collection: 'desks', where: { name: { equals: TEST_DESK } }, limit: 1 })
  ids.testDesk = docs[0].id as number
})

const editor = () => ({ user: { ...staff.editor, collection: 'users' as const }, overrideAccess: false })

const channel = (data: Partial<Channel> & { name: string; slug: string }) => payload.create({ collection: 'channels', data: data as never, ...editor() }) as Promise<Channel>

let clock = Date.parse('2026-10-01T02:00:00.000Z')
async function published(data: Record<string, unknown> & { title: string; slug: string }): Promise<Article> {
  const article = await payload.create({ collection: 'articles', data: data as never, draft: true, ...editor() })
  clock += 60_000
  return publishThroughChain(payload, staff, article.id, { now: new Date(clock) })
}

const slugsOf = (articles: readonly Article[] | undefined) => (articles ?? []).map((article) => article.slug)

describe('channel pages', () => {
  let tagged: Article, inCounty: Article, inColumn: Article, elsewhere: Article, otherDesk: Article
  beforeAll(async () => {
    await channel({ name: '经济', slug: 'jingji', position: 20, tags: [ids.economy] as never })
    await channel({ name: '市州', slug: 'shizhou', position: 10, regions: [ids.city] as never })
    await channel({ name: '专栏', slug: 'zhuanlan', position: 30, columns: [ids.column] as never, inNavigation: false })
    await channel({ name: '经济部稿件', slug: 'jingjibu', position: 40, desks: [ids.otherDesk] as never })
    tagged = await published({ title: '产业园开工', slug: 'industry', tags: [ids.economy] })
    inCounty = await published({ title: '桂阳县新闻', slug: 'county-news', regions: [ids.county] })
    inColumn = await published({ title: '善治天心第一期', slug: 'column-piece', column: ids.column })
    elsewhere = await published({ title: '教育新闻', slug: 'education', tags: [ids.education] })
    otherDesk = await published({ title: '经济部的稿件', slug: 'other-desk', desk: ids.otherDesk })
    await payload.create({ collection: 'articles', data: { title: '产业草稿', slug: 'industry-draft', tags: [ids.economy] } as never, draft: true, ...editor() })
  })

  it('lists the published articles of a channel’s tags, and nothing else', async () => {
    const page = await findChannelArticles(payload, 'jingji', 1)
    expect(slugsOf(page?.docs)).toEqual([tagged.slug])
  })

  it('takes in the places beneath a channel’s region', async () => {
    expect(slugsOf((await findChannelArticles(payload, 'shizhou', 1))?.docs)).toEqual([inCounty.slug])
  })

  it('takes in a column’s installments and a desk’s articles', async () => {
    expect(slugsOf(await findChannelNewest(payload, 'zhuanlan', 5))).toEqual([inColumn.slug])
    expect(slugsOf(await findChannelNewest(payload, 'jingjibu', 5))).toEqual([otherDesk.slug])
  })

  it('drops a retracted article from its channel', async () => {
    const doomed = await published({ title: '将撤的产业稿', slug: 'industry-doomed', tags: [ids.economy] })
    expect(slugsOf((await findChannelArticles(payload, 'jingji', 1))?.docs)).toContain(doomed.slug)
    await transitionAs(payload, staff.chiefEditor, { id: doomed.id, action: 'retract', note: '事实有误，撤稿。' })
    expect(slugsOf((await findChannelArticles(payload, 'jingji', 1))?.docs)).toEqual([tagged.slug])
  })

  it('answers null for a channel that does not exist', async () => {
    expect(await findChannelArticles(payload, 'nowhere', 1)).toBeNull()
    expect(await findChannelBySlug(payload, 'nowhere')).toBeNull()
  })

  it('lists the navigation’s channels in the editors’ order, without those kept out of it', async () => {
    expect((await findNavigationChannels(payload)).map((link) => link.slug)).toEqual(['shizhou', 'jingji', 'jingjibu'])
  })

  it('expires the pages of every channel a publication falls into', async () => {
    const [placement] = await placementsOf(payload, [{ slug: 'x', desk: ids.otherDesk, tags: [ids.economy], regions: [ids.county], column: null }])
    expect([...(placement.channelSlugs ?? [])].sort()).toEqual(['jingji', 'jingjibu', 'shizhou'])
    const tags = articleTagsToExpire([placement])
    expect(tags).toEqual(expect.arrayContaining([CACHE_TAGS.channel('jingji'), CACHE_TAGS.channel('shizhou'), CACHE_TAGS.channel('jingjibu')]))
    expect(tags).not.toContain(CACHE_TAGS.channel('zhuanlan'))
  })

  it('gives 上一篇 and 下一篇 within the first channel that takes the article in, by publication time', async () => {
    const later = await published({ title: '产业园投产', slug: 'industry-later', tags: [ids.economy] })
    const around = await findChannelNeighbours(payload, tagged)
    expect(around?.channel.slug).toBe('jingji')
    expect([around?.previous?.slug ?? null, around?.next?.slug]).toEqual([null, later.slug])
    expect((await findChannelNeighbours(payload, later))?.previous?.slug).toBe(tagged.slug)
    expect(await findChannelNeighbours(payload, elsewhere)).toBeNull()
  })

  it('expires the page of the article a publication now follows in its channel', async () => {
    const newest = await published({ title: '产业新闻三', slug: 'industry-third', tags: [ids.economy] })
    const [placement] = await placementsOf(payload, [{ slug: newest.slug, desk: ids.testDesk, tags: [ids.economy], regions: [], column: null, publishedAt: newest.publishedAt }])
    expect(placement.neighbourSlugs).toEqual(['industry-later'])
    expect(articleTagsToExpire([placement])).toContain(CACHE_TAGS.neighbours('industry-later'))
  })

  it('expires no channel’s pages for an article none takes in', async () => {
    const [placement] = await placementsOf(payload, [{ slug: elsewhere.slug, desk: ids.testDesk, tags: [ids.education], regions: [], column: null }])
    expect(placement.channelSlugs).toEqual([])
  })
})
