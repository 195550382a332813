import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest, type RequestContext } from 'payload'

import type { Article, Byline, Column, Region, Tag } from '@payload-types'
import type { WorkflowAction } from '@/newsroom/workflow'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import {
  type ArticleFilter,
  findArticleBySlug,
  findActiveColumns,
  findArticles,
  findColumnArticles,
  findInstallmentNeighbours,
  findLeadArticle,
  findNewest,
  findNextPlannedDate,
  findPrintEdition,
  findRegionTree,
  findRelatedArticles,
  findSitemapSource,
  hasPrintEdition,
  isListPage,
  LIST_PAGE_SIZE,
} from '@/reader/data/queries'
import { isCalendarDate } from '@/newsroom/dates'
import { regionWithDescendants } from '@/newsroom/regions'
import type { Staff } from '../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../helpers/payload'
import { renderPlaceholderPhoto } from '@/seed/placeholderImage'
import { photoOf, thumbnailOf } from '@/newsroom/presentation'
import { signFinal, submitAndSign, transitionAs } from '../../../helpers/workflow'

/**
 * The reader site's data layer against a real (temporary) database. Fixtures go through
 * the newsroom's own workflow as an editor would take them; every query under test reads
 * as an anonymous reader, so what is hidden here is hidden by the access rules.
 *
 * One database serves the whole file, so each block gives its articles their own stretch
 * of publication times (and its own taxonomy) and asserts only about what it created,
 * except where a list is global (the latest list, the lead story, the sitemap).
 */

let payload: Payload
let staff: Staff

useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

type Id = number | string
type ArticleData = Record<string, unknown> & { title: string; slug: string }

const asEditor = () => ({ user: { ...staff.editor, collection: 'users' as const } })
const LATEST: ArticleFilter = { kind: 'latest' }
const ids = (docs: readonly { id: Id }[]) => docs.map((doc) => doc.id)

const act = (id: Id, action: WorkflowAction, options: { now?: Date; publishAt?: Date; note?: string } = {}) =>
  transitionAs(payload, staff.editor, { id, action, ...options })

/** A draft saved by an editor: what a reader must never see. */
const draft = (data: ArticleData): Promise<Article> => payload.create({ collection: 'articles', data: data as never, draft: true, ...asEditor() })

async function approved(data: ArticleData): Promise<Article> {
  const article = await draft(data)
  await submitAndSign(payload, staff, article.id)
  return article
}

/** Submitted, approved and published; the publish action stamps `publishedAt` with its clock. */
async function published(data: ArticleData, publishedAt: string): Promise<Article> {
  const article = await approved(data)
  return act(article.id, 'publish', { now: new Date(publishedAt) })
}

async function retracted(data: ArticleData, publishedAt: string): Promise<Article> {
  const article = await published(data, publishedAt)
  return transitionAs(payload, staff.chiefEditor, { id: article.id, action: 'retract', note: '本文所涉事实有误，现予撤稿。' })
}

async function scheduled(data: ArticleData): Promise<Article> {
  const article = await approved(data)
  return act(article.id, 'schedule', { publishAt: new Date('2099-01-01T00:00:00.000Z') })
}

const createByline = (name: string, slug: string) => payload.create({ collection: 'bylines', data: { name, slug, kind: 'staff' } }) as Promise<Byline>
const createTag = (name: string, slug: string) => payload.create({ collection: 'tags', data: { name, slug } }) as Promise<Tag>
const createColumn = (name: string, slug: string) =>
  payload.create({ collection: 'columns', data: { name, slug, numberingStyle: 'circled', cadence: 'weekly' } as never }) as Promise<Column>
const createRegion = (name: string, slug: string, kind: Region['kind'], parent?: Region) =>
  payload.create({ collection: 'regions', data: { name, slug, kind, parent: parent?.id } }) as Promise<Region>

const hour = (base: string, hours: number) => new Date(Date.parse(base) + hours * 60 * 60 * 1000).toISOString()

describe('the latest list', () => {
  const BASE = '2031-01-01T00:00:00.000Z'
  const COUNT = LIST_PAGE_SIZE + 2
  let visible: Article[]
  let hidden: Record<'draft' | 'approved' | 'scheduled' | 'embargoed' | 'retracted', Article>
  let totalBefore: number

  beforeAll(async () => {
    totalBefore = (await findArticles(payload, LATEST, 1, 1)).totalDocs
    // Created newest first, so id order is the reverse of publication order and only the
    // sort can put them right; the last two share a publication minute, and the
    // later-created one (higher id) comes first.
    const hours = Array.from({ length: COUNT - 1 }, (_, index) => COUNT - 2 - index)
    hours.push(hours[hours.length - 1])
    visible = []
    for (const [index, offset] of hours.entries()) {
      const reviewFlags = index === 0 ? [{ kind: 'other', note: '待核：引语出处' }] : []
      visible.push(await published({ title: `最新稿件${index}`, slug: `latest-${index}`, reviewFlags }, hour(BASE, offset)))
    }
    const embargoed = await approved({ title: '禁发稿件', slug: 'latest-embargoed', embargoUntil: '2099-01-01T00:00:00.000Z' })
    await expect(act(embargoed.id, 'publish', { now: new Date(hour(BASE, 100)) })).rejects.toThrow('禁发期')
    hidden = {
      draft: await draft({ title: '草稿', slug: 'latest-draft' }),
      approved: await approved({ title: '已审未发', slug: 'latest-approved' }),
      scheduled: await scheduled({ title: '排期稿件', slug: 'latest-scheduled' }),
      embargoed,
      // The newest of all, had it not been retracted.
      retracted: await retracted({ title: '撤稿稿件', slug: 'latest-retracted' }, hour(BASE, 200)),
    }
  })

  const newestFirst = (articles: Article[]) =>
    [...articles].sort((a, b) => Date.parse(b.publishedAt!) - Date.parse(a.publishedAt!) || Number(b.id) - Number(a.id))

  it('lists only published articles, newest first, for an anonymous reader', async () => {
    const { docs } = await findArticles(payload, LATEST, 1, 500)
    const mine = new Set(ids(visible).map(String))
    expect(ids(docs.filter((doc) => mine.has(String(doc.id))))).toEqual(ids(newestFirst(visible)))
    const times = docs.map((doc) => Date.parse(doc.publishedAt!))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  it('leaves out drafts, approved, scheduled, embargoed and retracted articles', async () => {
    const { docs } = await findArticles(payload, LATEST, 1, 500)
    for (const article of Object.values(hidden)) expect(ids(docs)).not.toContain(article.id)
    expect(await payload.findByID({ collection: 'articles', id: hidden.retracted.id, depth: 0 })).toMatchObject({ _status: 'published', workflowState: 'retracted' })
  })

  it('shows readers none of the staff-only fields', async () => {
    const doc = (await findArticles(payload, LATEST, 1, 500)).docs.find((article) => article.id === visible[0].id)
    expect(doc).toMatchObject({ title: '最新稿件0' })
    for (const field of ['workflowState', 'owner', 'scheduledFor', 'needsReview', 'embargoUntil', 'unpublishAt']) expect(doc).not.toHaveProperty(field)
    // Payload answers a hidden array field with an empty array rather than leaving it out.
    expect(doc?.reviewFlags ?? []).toEqual([])
    expect(JSON.stringify(doc)).not.toContain('待核')
  })

  it('shows LIST_PAGE_SIZE articles a page by default', async () => {
    const first = await findArticles(payload, LATEST)
    expect(first.totalDocs).toBe(totalBefore + COUNT)
    expect(first.docs).toHaveLength(LIST_PAGE_SIZE)
    expect(first.totalPages).toBe(Math.ceil(first.totalDocs / LIST_PAGE_SIZE))
    const second = await findArticles(payload, LATEST, 2)
    expect(second.docs).toHaveLength(Math.min(LIST_PAGE_SIZE, first.totalDocs - LIST_PAGE_SIZE))
  })

  it('pages through the list with the right totals and without gaps or overlaps', async () => {
    const limit = 3
    const everything = ids((await findArticles(payload, LATEST, 1, 500)).docs)
    const second = await findArticles(payload, LATEST, 2, limit)
    expect(second).toMatchObject({ page: 2, totalDocs: everything.length, totalPages: Math.ceil(everything.length / limit) })
    expect(ids(second.docs)).toEqual(everything.slice(limit, 2 * limit))

    const pages: Id[][] = []
    for (let page = 1; page <= second.totalPages; page += 1) pages.push(ids((await findArticles(payload, LATEST, page, limit)).docs))
    expect(pages.flat()).toEqual(everything)
    expect(new Set(pages.flat().map(String)).size).toBe(everything.length)
    expect((await findArticles(payload, LATEST, second.totalPages + 1, limit)).docs).toEqual([])
  })

  it('accepts page numbers from 1 to 1000 only', () => {
    expect([1, 2, 1000].map(isListPage)).toEqual([true, true, true])
    expect([0, -1, 1.5, 1001, Number.NaN].map(isListPage)).toEqual([false, false, false, false, false])
  })
})

describe('lists filtered by byline, tag and region', () => {
  const BASE = '2030-05-01T00:00:00.000Z'
  let author: Byline
  let colleague: Byline
  let tag: Tag
  let otherTag: Tag
  let regions: Record<'province' | 'city' | 'district' | 'town' | 'siblingCity' | 'siblingTown', Region>
  let byAuthor: Article
  let photographedByAuthor: Article
  let byColleague: Article
  let authorDraft: Article
  let tagged: Article
  let otherTagged: Article
  let inPlace: Record<'town' | 'district' | 'city' | 'townAndDistrict' | 'siblingCity' | 'province', Article>

  beforeAll(async () => {
    author = await createByline('筛选记者', 'filter-author')
    colleague = await createByline('筛选同事', 'filter-colleague')
    tag = await createTag('筛选标签', 'filter-tag')
    otherTag = await createTag('另一标签', 'filter-other-tag')
    const province = await createRegion('筛选省', 'filter-province', 'province')
    const city = await createRegion('甲市', 'filter-city', 'city', province)
    const district = await createRegion('甲区', 'filter-district', 'district', city)
    const town = await createRegion('甲镇', 'filter-town', 'town', district)
    const siblingCity = await createRegion('乙市', 'filter-sibling-city', 'city', province)
    const siblingTown = await createRegion('乙镇', 'filter-sibling-town', 'town', siblingCity)
    regions = { province, city, district, town, siblingCity, siblingTown }

    // Reporter and photographer both: two rows in the bylines array, one article in the list.
    byAuthor = await published(
      {
        title: '记者独著',
        slug: 'filter-by-author',
        bylines: [
          { byline: author.id, role: 'reporter' },
          { byline: author.id, role: 'photographer' },
        ],
      },
      hour(BASE, 1),
    )
    photographedByAuthor = await published(
      {
        title: '记者摄影',
        slug: 'filter-photographed',
        bylines: [
          { byline: colleague.id, role: 'reporter' },
          { byline: author.id, role: 'photographer' },
        ],
      },
      hour(BASE, 2),
    )
    byColleague = await published({ title: '同事独著', slug: 'filter-by-colleague', bylines: [{ byline: colleague.id, role: 'reporter' }] }, hour(BASE, 3))
    authorDraft = await draft({ title: '记者草稿', slug: 'filter-author-draft', bylines: [{ byline: author.id, role: 'reporter' }] })

    tagged = await published({ title: '带标签', slug: 'filter-tagged', tags: [otherTag.id, tag.id] }, hour(BASE, 4))
    otherTagged = await published({ title: '带另一标签', slug: 'filter-other-tagged', tags: [otherTag.id] }, hour(BASE, 5))
    await draft({ title: '带标签草稿', slug: 'filter-tagged-draft', tags: [tag.id] })

    inPlace = {
      town: await published({ title: '镇上新闻', slug: 'filter-in-town', regions: [town.id] }, hour(BASE, 10)),
      district: await published({ title: '区里新闻', slug: 'filter-in-district', regions: [district.id] }, hour(BASE, 11)),
      city: await published({ title: '市里新闻', slug: 'filter-in-city', regions: [city.id] }, hour(BASE, 12)),
      townAndDistrict: await published({ title: '区镇新闻', slug: 'filter-in-town-and-district', regions: [town.id, district.id] }, hour(BASE, 13)),
      siblingCity: await published({ title: '乙市新闻', slug: 'filter-in-sibling', regions: [siblingTown.id] }, hour(BASE, 14)),
      province: await published({ title: '全省新闻', slug: 'filter-in-province', regions: [province.id] }, hour(BASE, 15)),
    }
  })

  it('lists every published article carrying a byline, in any role, once, newest first', async () => {
    const result = await findArticles(payload, { kind: 'byline', id: author.id })
    expect(ids(result.docs)).toEqual([photographedByAuthor.id, byAuthor.id])
    expect(result.totalDocs).toBe(2)
    expect(ids(result.docs)).not.toContain(byColleague.id)
    expect(ids(result.docs)).not.toContain(authorDraft.id)
  })

  it('lists the published articles with a tag, and no others', async () => {
    const result = await findArticles(payload, { kind: 'tag', id: tag.id })
    expect(ids(result.docs)).toEqual([tagged.id])
    expect(result.totalDocs).toBe(1)
    expect(ids((await findArticles(payload, { kind: 'tag', id: otherTag.id })).docs)).toEqual([otherTagged.id, tagged.id])
  })

  it('takes a city to mean the city with its districts and their towns', async () => {
    const tree = await findRegionTree(payload)
    const cityAndBelow = regionWithDescendants(tree, regions.city.id).map(String).sort()
    expect(cityAndBelow).toEqual([regions.city.id, regions.district.id, regions.town.id].map(String).sort())
    expect(regionWithDescendants(tree, regions.town.id)).toEqual([regions.town.id])
  })

  it('lists an article placed only in a town on its city’s page, once, and nothing from a sibling city or the province', async () => {
    const cityAndBelow = regionWithDescendants(await findRegionTree(payload), regions.city.id)
    const result = await findArticles(payload, { kind: 'regions', ids: cityAndBelow })
    expect(ids(result.docs)).toEqual([inPlace.townAndDistrict.id, inPlace.city.id, inPlace.district.id, inPlace.town.id])
    expect(result.totalDocs).toBe(4)
    expect(ids(result.docs)).not.toContain(inPlace.siblingCity.id)
    expect(ids(result.docs)).not.toContain(inPlace.province.id)
  })
})

describe('the day archive', () => {
  let lastMinuteOfFirst: Article
  let firstMinuteOfFirst: Article
  let firstMinuteOfSecond: Article

  beforeAll(async () => {
    // Beijing is UTC+8 all year: 15:59Z is 23:59 on 1 March there, 16:00Z is midnight of the 2nd.
    lastMinuteOfFirst = await published({ title: '三月一日深夜', slug: 'day-last-minute' }, '2026-03-01T15:59:00.000Z')
    firstMinuteOfSecond = await published({ title: '三月二日零点', slug: 'day-next-midnight' }, '2026-03-01T16:00:00.000Z')
    firstMinuteOfFirst = await published({ title: '三月一日零点', slug: 'day-first-minute' }, '2026-02-28T16:00:00.000Z')
  })

  it('keeps the publication time the workflow stamped', async () => {
    expect(lastMinuteOfFirst.publishedAt).toBe('2026-03-01T15:59:00.000Z')
  })

  it('files articles under the Beijing calendar day they were published on', async () => {
    expect(ids((await findArticles(payload, { kind: 'day', date: '2026-03-01' })).docs)).toEqual([lastMinuteOfFirst.id, firstMinuteOfFirst.id])
    expect(ids((await findArticles(payload, { kind: 'day', date: '2026-03-02' })).docs)).toEqual([firstMinuteOfSecond.id])
    expect((await findArticles(payload, { kind: 'day', date: '2026-02-28' })).totalDocs).toBe(0)
  })

  it('accepts only real calendar dates written in full', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true)
    expect(isCalendarDate('2028-02-29')).toBe(true)
    expect(isCalendarDate('2026-2-1')).toBe(false)
    expect(isCalendarDate('abc')).toBe(false)
    expect(isCalendarDate('2026-13-01')).toBe(false)
    expect(isCalendarDate('2026-02-32')).toBe(false)
  })

  // BUG in src/newsroom/dates.ts isCalendarDate: V8 parses '2026-02-30T00:00:00+08:00'
  // as 2 March 00:00 Beijing (it rolls day 29–31 over into the next month), which is a
  // start of day, so the check passes. `.failing` keeps the file green until it is fixed;
  // once isCalendarDate rejects these, Jest reports this test and `.failing` should go.
  it('rejects days a month does not have (30 February, 31 April, 29 February in a common year)', () => {
    expect(isCalendarDate('2026-02-30')).toBe(false)
    expect(isCalendarDate('2026-04-31')).toBe(false)
    expect(isCalendarDate('2026-02-29')).toBe(false)
  })
})

describe('an article page', () => {
  let live: Article
  let unpublished: Article
  let withdrawn: Article

  beforeAll(async () => {
    live = await published({ title: '已发布的稿件', slug: 'page-live', summary: '导语' }, '2030-07-01T02:00:00.000Z')
    unpublished = await approved({ title: '尚未签发', slug: 'page-unpublished' })
    withdrawn = await retracted({ title: '被撤的稿件', slug: 'page-withdrawn', summary: '将被清空的导语' }, '2030-07-01T03:00:00.000Z')
  })

  it('finds a published article by its slug', async () => {
    expect(await findArticleBySlug(payload, 'page-live')).toMatchObject({ id: live.id, title: '已发布的稿件', summary: '导语' })
  })

  it('finds nothing for the slug of an article that is not yet published, or of no article', async () => {
    expect(await findArticleBySlug(payload, unpublished.slug!)).toBeNull()
    expect(await findArticleBySlug(payload, 'no-such-article')).toBeNull()
  })

  it('shows the published text while unpublished edits wait in a draft', async () => {
    await payload.update({ collection: 'articles', id: live.id, draft: true, data: { title: '还没签发的新标题' }, ...asEditor() })
    expect(await findArticleBySlug(payload, 'page-live')).toMatchObject({ id: live.id, title: '已发布的稿件' })
  })

  it('keeps a retracted article at its URL with the notice, its content withdrawn', async () => {
    const found = await findArticleBySlug(payload, 'page-withdrawn')
    expect(found).toMatchObject({ id: withdrawn.id, title: '被撤的稿件', summary: null, retraction: { notice: '本文所涉事实有误，现予撤稿。' } })
    expect(found?.retraction?.retractedAt).toEqual(expect.any(String))
  })
})

describe('a column', () => {
  const NOW = new Date('2030-06-01T00:00:00.000Z')
  const inDays = (days: number) => new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000).toISOString()
  let column: Column
  let otherColumn: Column
  let quietColumn: Column
  let parts: Record<1 | 2 | 3, Article>
  let unpublishedFourth: Article

  beforeAll(async () => {
    column = await createColumn('读者专栏', 'reader-column')
    otherColumn = await createColumn('别的专栏', 'reader-other-column')
    quietColumn = await createColumn('停更专栏', 'reader-quiet-column')
    const part = (number: number, publishedAt: string) =>
      published({ title: `专栏第${number}期`, slug: `column-part-${number}`, column: column.id, installment: { number } }, publishedAt)
    // Published out of order: the running order is the installment number, not the date.
    const third = await part(3, '2030-05-01T00:00:00.000Z')
    const first = await part(1, '2030-05-02T00:00:00.000Z')
    const second = await part(2, '2030-05-03T00:00:00.000Z')
    parts = { 1: first, 2: second, 3: third }
    unpublishedFourth = await approved({ title: '专栏第4期', slug: 'column-part-4', column: column.id, installment: { number: 4 } })

    const plan = (columnId: Id, plannedFor: string, workingTitle: string) =>
      payload.create({ collection: 'installments', data: { column: columnId as number, plannedFor, workingTitle }, ...asEditor() })
    await plan(column.id, inDays(-2), '已过期的计划')
    await plan(column.id, inDays(10), '更远的计划')
    await plan(column.id, inDays(3), '保密的暂定标题')
    await plan(otherColumn.id, inDays(1), '别的专栏的计划')
    await plan(quietColumn.id, inDays(-5), '停更前的计划')
  })

  it('lists its published installments in running order, whatever order they were published in', async () => {
    const result = await findColumnArticles(payload, column.id)
    expect(ids(result.docs)).toEqual([parts[1].id, parts[2].id, parts[3].id])
    expect(result.totalDocs).toBe(3)
    expect(ids(result.docs)).not.toContain(unpublishedFourth.id)
    expect(ids((await findArticles(payload, { kind: 'column', id: column.id })).docs)).toEqual([parts[2].id, parts[1].id, parts[3].id])
  })

  it('reads list teasers without bodies or photos, with the column label and headline a teaser shows', async () => {
    const teasers = [(await findColumnArticles(payload, column.id)).docs[0], (await findArticles(payload, { kind: 'column', id: column.id }, 1, 20, 'teaser')).docs[1]]
    for (const teaser of teasers) {
      expect(teaser).toMatchObject({ id: parts[1].id, title: '专栏第1期', slug: 'column-part-1', installment: { number: 1 }, column: { name: '读者专栏', slug: 'reader-column' } })
      expect(teaser).not.toHaveProperty('body')
      expect(teaser).not.toHaveProperty('leadPhoto')
    }
    expect((await findArticles(payload, { kind: 'column', id: column.id }, 1, 20, 'whole')).docs[1]).toHaveProperty('body')
  })

  it('gives the home page its newest published installments as teasers, and the columns still running', async () => {
    const block = await findNewest(payload, { kind: 'column', id: column.id }, 2, 'teaser')
    expect(ids(block)).toEqual([parts[2].id, parts[1].id])
    expect(block[0]).not.toHaveProperty('body')
    expect(ids(await findNewest(payload, { kind: 'column', id: column.id }, 5))).toEqual([parts[2].id, parts[1].id, parts[3].id])
    const ended = await createColumn('已停办专栏', 'reader-ended-column')
    await payload.update({ collection: 'columns', id: ended.id, data: { active: false }, ...asEditor() })
    const running = (await findActiveColumns(payload)).map((candidate) => candidate.slug)
    expect(running).toEqual(expect.arrayContaining(['reader-column', 'reader-other-column']))
    expect(running).not.toContain('reader-ended-column')
  })

  it('links each installment to the one before and after it, but not to an unpublished one', async () => {
    const { docs } = await findColumnArticles(payload, column.id)
    const [first, second, third] = docs
    const middle = await findInstallmentNeighbours(payload, second)
    expect(middle.previous).toMatchObject({ id: first.id, slug: 'column-part-1', title: '专栏第1期', installment: { number: 1 } })
    expect(middle.next).toMatchObject({ id: third.id, slug: 'column-part-3', installment: { number: 3 } })
    expect(await findInstallmentNeighbours(payload, first)).toMatchObject({ previous: null, next: { id: second.id } })
    expect(await findInstallmentNeighbours(payload, third)).toMatchObject({ previous: { id: second.id }, next: null })
  })

  it('finds neighbours in the order the column page lists, unnumbered pieces and all, and skips a retracted one', async () => {
    const mixed = await createColumn('混排专栏', 'reader-mixed-column')
    const piece = (title: string, slug: string, publishedAt: string, number?: number) =>
      published({ title, slug, column: mixed.id, ...(number ? { installment: { number } } : {}) }, publishedAt)
    await piece('无编号之二', 'mixed-plain-2', '2030-07-02T00:00:00.000Z')
    await piece('第二期', 'mixed-2', '2030-07-01T00:00:00.000Z', 2)
    await piece('无编号之一', 'mixed-plain-1', '2030-07-01T00:00:00.000Z')
    await piece('第一期', 'mixed-1', '2030-07-03T00:00:00.000Z', 1)
    await retracted({ title: '撤下的一期', slug: 'mixed-retracted', column: mixed.id, installment: { number: 3 } }, '2030-07-04T00:00:00.000Z')
    await piece('第四期', 'mixed-4', '2030-07-05T00:00:00.000Z', 4)

    const listed = (await findColumnArticles(payload, mixed.id)).docs
    expect(listed.map((article) => article.slug)).toEqual(['mixed-plain-1', 'mixed-plain-2', 'mixed-1', 'mixed-2', 'mixed-4'])
    for (const [index, article] of listed.entries()) {
      const { previous, next } = await findInstallmentNeighbours(payload, article)
      expect([previous?.slug ?? null, next?.slug ?? null]).toEqual([listed[index - 1]?.slug ?? null, listed[index + 1]?.slug ?? null])
    }
  })

  it('has no neighbours for an article outside any column', async () => {
    expect(await findInstallmentNeighbours(payload, { ...parts[1], column: null })).toEqual({ previous: null, next: null })
  })

  it('tells readers only the date of the next planned installment, never its title', async () => {
    const next = await findNextPlannedDate(payload, column.id, NOW)
    expect(next).toBe(inDays(3))
    expect(typeof next).toBe('string')
    expect(JSON.stringify(next)).not.toContain('保密')
  })

  it('skips a plan whose installment has already run early', async () => {
    const earlyColumn = await createColumn('提前刊出的专栏', 'reader-early-column')
    const ranEarly = await payload.create({ collection: 'installments', data: { column: earlyColumn.id, plannedFor: inDays(1), workingTitle: '提前刊出的一期' }, ...asEditor() })
    await payload.create({ collection: 'installments', data: { column: earlyColumn.id, plannedFor: inDays(4), workingTitle: '下一期' }, ...asEditor() })
    expect(await findNextPlannedDate(payload, earlyColumn.id, NOW)).toBe(inDays(1))
    await published({ title: '提前刊出的一期', slug: 'early-part', column: earlyColumn.id, installment: { number: ranEarly.number! } }, '2030-05-04T00:00:00.000Z')
    expect(await findNextPlannedDate(payload, earlyColumn.id, NOW)).toBe(inDays(4))
  })

  it('has no next date when every plan is in the past', async () => {
    expect(await findNextPlannedDate(payload, quietColumn.id, NOW)).toBeNull()
    expect(await findNextPlannedDate(payload, column.id, new Date(inDays(11)))).toBeNull()
  })

  it('keeps the working titles of plans from anonymous readers', async () => {
    const { docs } = await payload.find({ collection: 'installments', overrideAccess: false, where: { column: { equals: column.id } } })
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) expect(doc).not.toHaveProperty('workingTitle')
  })
})

describe('related reading', () => {
  const BASE = '2030-08-01T00:00:00.000Z'
  let subject: Article
  let sameColumn: Article
  let sameTag: Article
  let sameRegion: Article
  let draftSameColumn: Article
  let retractedSameColumn: Article
  let unrelated: Article

  beforeAll(async () => {
    const column = await createColumn('相关专栏', 'related-column')
    const tag = await createTag('相关标签', 'related-tag')
    const region = await createRegion('相关县', 'related-county', 'county')
    const otherRegion = await createRegion('无关县', 'related-other-county', 'county')
    // Oldest first, so recency alone would rank them the other way round.
    const image = await renderPlaceholderPhoto('related-thumbnail')
    const photo = await payload.create({ collection: 'photos', data: { alt: '相关报道配图' }, file: { data: image, mimetype: 'image/png', name: 'related.png', size: image.length }, overrideAccess: true })
    sameColumn = await published({ title: '同专栏', slug: 'related-same-column', column: column.id, leadPhoto: photo.id }, hour(BASE, 1))
    sameTag = await published({ title: '同标签', slug: 'related-same-tag', tags: [tag.id] }, hour(BASE, 2))
    sameRegion = await published({ title: '同地区', slug: 'related-same-region', regions: [region.id] }, hour(BASE, 3))
    unrelated = await published({ title: '无关', slug: 'related-unrelated', regions: [otherRegion.id] }, hour(BASE, 4))
    draftSameColumn = await approved({ title: '同专栏草稿', slug: 'related-draft', column: column.id, tags: [tag.id], regions: [region.id] })
    retractedSameColumn = await retracted({ title: '同专栏撤稿', slug: 'related-retracted', column: column.id, tags: [tag.id] }, hour(BASE, 5))
    await published({ title: '相关主稿', slug: 'related-subject', column: column.id, tags: [tag.id], regions: [region.id] }, hour(BASE, 6))
    subject = (await findArticleBySlug(payload, 'related-subject'))!
  })

  it('ranks an article from the same column above one sharing a tag, and that above one sharing only a region', async () => {
    expect(ids(await findRelatedArticles(payload, subject))).toEqual([sameColumn.id, sameTag.id, sameRegion.id])
  })

  it('leaves out the article itself, unrelated, unpublished and retracted articles', async () => {
    const related = ids(await findRelatedArticles(payload, subject, 10))
    for (const article of [subject, unrelated, draftSameColumn, retractedSameColumn]) expect(related).not.toContain(article.id)
  })

  it('brings what a related link shows (title, address, column name) and not the article bodies', async () => {
    const [first] = await findRelatedArticles(payload, subject, 1)
    expect(first).toMatchObject({ title: '同专栏', slug: 'related-same-column', column: { name: '相关专栏', slug: 'related-column' } })
    expect(first).not.toHaveProperty('body')
  })

  it('brings each related article’s lead photo with its thumbnail’s address and size, and none for a text-only one', async () => {
    const related = await findRelatedArticles(payload, subject)
    const thumbnails = related.map((article) => [article.title, thumbnailOf(photoOf(article.leadPhoto))])
    expect(thumbnails).toEqual([
      ['同专栏', { url: expect.stringMatching(/^\/api\/photos\/file\/.+\.webp$/), width: 400, height: expect.any(Number) }],
      ['同标签', null],
      ['同地区', null],
    ])
    expect(related[0].leadPhoto).not.toHaveProperty('caption')
  })

  it('respects the limit and finds nothing for an article with no column, tag or region', async () => {
    expect(ids(await findRelatedArticles(payload, subject, 1))).toEqual([sameColumn.id])
    expect(await findRelatedArticles(payload, { ...subject, column: null, tags: [], regions: [] })).toEqual([])
  })
})

describe('the lead story', () => {
  // Later than every other article in this file, so "the newest" is one of these.
  const BASE = '2040-01-01T00:00:00.000Z'

  it('falls back to the newest published article when none is marked as the lead', async () => {
    await draft({ title: '未发布的新稿', slug: 'lead-newest-draft' })
    const newest = await published({ title: '最新未标头条', slug: 'lead-newest' }, hour(BASE, 10))
    expect((await findLeadArticle(payload))?.id).toBe(newest.id)
  })

  it('prefers the newest published article marked as the lead over newer unmarked ones', async () => {
    const older = await published({ title: '较早的头条', slug: 'lead-marked-older', headline: true }, hour(BASE, 1))
    expect((await findLeadArticle(payload))?.id).toBe(older.id)
    const newer = await published({ title: '较新的头条', slug: 'lead-marked-newer', headline: true }, hour(BASE, 2))
    expect((await findLeadArticle(payload))?.id).toBe(newer.id)
  })

  it('ignores a marked article that is unpublished or retracted', async () => {
    const current = await findLeadArticle(payload)
    await approved({ title: '标了头条的草稿', slug: 'lead-marked-draft', headline: true })
    await retracted({ title: '标了头条后撤稿', slug: 'lead-marked-retracted', headline: true }, hour(BASE, 20))
    expect((await findLeadArticle(payload))?.id).toBe(current?.id)
    expect(current?.slug).toBe('lead-marked-newer')
  })
})

describe('the print edition', () => {
  // The admin's day picker stores noon UTC (20:00 in Beijing); the seed stores Beijing midnight.
  const EDITION = '2026-04-10'
  const NOON = '2026-04-10T12:00:00.000Z'
  const MIDNIGHT = '2026-04-09T16:00:00.000Z'
  const BASE = '2026-04-09T20:00:00.000Z'
  let articles: Record<'frontA' | 'frontB' | 'county' | 'city' | 'unnumbered', Article>

  beforeAll(async () => {
    const placed = (slug: string, print: Record<string, unknown>, hours: number) => published({ title: slug, slug, print }, hour(BASE, hours))
    articles = {
      county: await placed('print-county', { editionDate: NOON, pageNumber: 2, pageName: '县域新闻' }, 1),
      frontB: await placed('print-front-b', { editionDate: NOON, pageNumber: 1, pageName: '要闻' }, 3),
      unnumbered: await placed('print-unnumbered', { editionDate: NOON, pageName: '副刊' }, 0),
      city: await placed('print-city', { editionDate: MIDNIGHT, pageNumber: 3, pageName: '城市新闻 ' }, 4),
      frontA: await placed('print-front-a', { editionDate: NOON, pageNumber: 1, pageName: '要闻' }, 2),
    }
    await placed('print-next-day', { editionDate: '2026-04-11T12:00:00.000Z', pageNumber: 1, pageName: '要闻' }, 5)
    await approved({ title: '未发布的版面稿', slug: 'print-unpublished', print: { editionDate: NOON, pageNumber: 1, pageName: '要闻' } })
    await retracted({ title: '撤稿的版面稿', slug: 'print-retracted', print: { editionDate: NOON, pageNumber: 2, pageName: '县域新闻' } }, hour(BASE, 6))
  })

  it('groups a day’s published articles by page, in page order, unnumbered pages last', async () => {
    const pages = await findPrintEdition(payload, EDITION)
    // The order within a page is left to the query (it has been both oldest and newest first).
    const byId = (a: Id, b: Id) => Number(a) - Number(b)
    expect(pages.map((page) => ({ pageNumber: page.pageNumber, pageName: page.pageName, articles: ids(page.articles).sort(byId) }))).toEqual([
      { pageNumber: 1, pageName: '要闻', articles: [articles.frontA.id, articles.frontB.id].sort(byId) },
      { pageNumber: 2, pageName: '县域新闻', articles: [articles.county.id] },
      { pageNumber: 3, pageName: '城市新闻', articles: [articles.city.id] },
      { pageNumber: null, pageName: '副刊', articles: [articles.unnumbered.id] },
    ])
  })

  it('knows which days have a print edition', async () => {
    expect(await hasPrintEdition(payload, EDITION)).toBe(true)
    expect(await hasPrintEdition(payload, '2026-04-11')).toBe(true)
    expect(await hasPrintEdition(payload, '2026-04-12')).toBe(false)
    expect(await findPrintEdition(payload, '2026-04-12')).toEqual([])
  })
})

describe('the sitemap', () => {
  it('lists the slugs of published articles only, with the taxonomy readers can browse', async () => {
    await published({ title: '进地图', slug: 'sitemap-live' }, '2030-09-01T00:00:00.000Z')
    await approved({ title: '不进地图', slug: 'sitemap-unpublished' })
    await retracted({ title: '撤稿不进地图', slug: 'sitemap-retracted' }, '2030-09-02T00:00:00.000Z')
    await createTag('地图标签', 'sitemap-tag')

    const source = await findSitemapSource(payload)
    const slugs = source.articles.map((article) => article.slug)
    expect(slugs).toContain('sitemap-live')
    expect(slugs).not.toContain('sitemap-unpublished')
    expect(slugs).not.toContain('sitemap-retracted')
    expect(slugs).not.toContain('latest-draft')
    expect(slugs).toHaveLength((await findArticles(payload, LATEST, 1, 1)).totalDocs)
    expect(source.articles.find((article) => article.slug === 'sitemap-live')).toEqual({
      id: expect.anything(),
      slug: 'sitemap-live',
      updatedAt: expect.any(String),
      publishedAt: '2030-09-01T00:00:00.000Z',
    })
    expect(source.tags.map((tag) => tag.slug)).toContain('sitemap-tag')
    expect(source.columns.map((column) => column.slug)).toContain('reader-column')
  })

  it('lists the newest publication first, and a published article with a newer draft once, as published', async () => {
    const redrafted = await published({ title: '改稿中', slug: 'sitemap-redrafted' }, '2030-09-03T00:00:00.000Z')
    await published({ title: '更新的一篇', slug: 'sitemap-newer' }, '2030-09-04T00:00:00.000Z')
    await payload.update({ collection: 'articles', id: redrafted.id, data: { title: '改稿中（草稿）' }, draft: true, ...asEditor() })

    const { articles } = await findSitemapSource(payload)
    const at = (slug: string) => articles.findIndex((article) => article.slug === slug)
    expect(articles.filter((article) => article.slug === 'sitemap-redrafted')).toEqual([
      { id: redrafted.id, slug: 'sitemap-redrafted', updatedAt: expect.any(String), publishedAt: '2030-09-03T00:00:00.000Z' },
    ])
    expect(at('sitemap-newer')).toBeLessThan(at('sitemap-redrafted'))
    expect(at('sitemap-redrafted')).toBeLessThan(at('sitemap-live'))
    const publishedTimes = articles.map((article) => article.publishedAt ?? '')
    expect(publishedTimes).toEqual([...publishedTimes].sort().reverse())
  })
})

describe('cache invalidation', () => {
  /*
   * The hooks record what they invalidated on `req.context`. Read it from a request passed
   * in, not from a `context` object: Payload uses a passed `context` object as
   * `req.context` only until the first nested Local API call with that `req` (relationship
   * population, the workflow-event write), which swaps in a fresh object, so for articles
   * the caller's object never sees the tags.
   */
  const editorRequest = (context: RequestContext = {}) => createLocalReq({ user: { ...staff.editor, collection: 'users' }, context }, payload)
  const recorded = (req: PayloadRequest) => [...((req.context.invalidatedCacheTags as string[] | undefined) ?? [])].sort()
  /** A change to published text is saved as a draft and signed at 终审 before it may be published. */
  const signedChange = async (id: Article['id'], data: Partial<Article>) => {
    await payload.update({ collection: 'articles', id, data, draft: true, ...asEditor() })
    await signFinal(payload, staff, id)
  }

  it('invalidates the site-wide lists and both the old and the new URL when a published article’s slug changes', async () => {
    const article = await published({ title: '改网址', slug: 'cache-old-slug' }, '2030-10-01T00:00:00.000Z')
    await signedChange(article.id, { slug: 'cache-new-slug' })
    const req = await editorRequest()
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'cache-new-slug', _status: 'published' }, req })
    const pages = [CACHE_TAGS.home, CACHE_TAGS.feeds, CACHE_TAGS.sitemap, CACHE_TAGS.search, CACHE_TAGS.day('2030-10-01')]
    expect(recorded(req)).toEqual([...pages, CACHE_TAGS.article('cache-new-slug'), CACHE_TAGS.article('cache-old-slug')].sort())
    expect(await findArticleBySlug(payload, 'cache-new-slug')).toMatchObject({ id: article.id })
  })

  it('invalidates nothing in Next.js’s cache for a draft save or an autosave, of a new draft or over a published article', async () => {
    const fresh = await draft({ title: '草稿不失效', slug: 'cache-draft-only' })
    const live = await published({ title: '已发布不失效', slug: 'cache-draft-over-live' }, '2030-10-04T00:00:00.000Z')
    for (const id of [fresh.id, live.id]) {
      const req = await editorRequest()
      await payload.update({ collection: 'articles', id, data: { title: '自动保存' }, draft: true, autosave: true, req })
      await payload.update({ collection: 'articles', id, data: { title: '保存草稿' }, draft: true, req })
      expect(req.context.invalidatedCacheTags).toBeUndefined()
    }
  })

  it('invalidates an article’s pages only once its transaction commits, and not at all when it rolls back', async () => {
    const article = await published({ title: '事务后失效', slug: 'cache-after-commit' }, '2030-10-03T00:00:00.000Z')
    await signedChange(article.id, { title: '事务后失效（改）' })
    const committed = await editorRequest()
    await initTransaction(committed)
    await payload.update({ collection: 'articles', id: article.id, data: { title: '事务后失效（改）', _status: 'published' }, req: committed })
    expect(recorded(committed)).toEqual([])
    await commitTransaction(committed)
    expect(recorded(committed)).toContain(CACHE_TAGS.article('cache-after-commit'))

    await signedChange(article.id, { title: '不会生效的标题' })
    const rolledBack = await editorRequest()
    await initTransaction(rolledBack)
    await payload.update({ collection: 'articles', id: article.id, data: { title: '不会生效的标题', _status: 'published' }, req: rolledBack })
    await killTransaction(rolledBack)
    expect(recorded(rolledBack)).toEqual([])
  })

  it('invalidates every page showing bylines when a byline changes', async () => {
    const byline = await createByline('缓存记者', 'cache-byline')
    const req = await editorRequest()
    await payload.update({ collection: 'bylines', id: byline.id, data: { bio: '新简介' }, req })
    expect(recorded(req)).toEqual([CACHE_TAGS.bylines, CACHE_TAGS.search, CACHE_TAGS.sitemap].sort())
  })

  it('invalidates every page showing tags when a tag is deleted', async () => {
    const tag = await createTag('缓存标签', 'cache-tag')
    const req = await editorRequest()
    await payload.delete({ collection: 'tags', id: tag.id, req })
    expect(recorded(req)).toEqual([CACHE_TAGS.search, CACHE_TAGS.sitemap, CACHE_TAGS.tags].sort())
  })

  it('invalidates nothing while seeding', async () => {
    const byline = await createByline('种子记者', 'cache-seed-byline')
    const article = await published({ title: '种子稿件', slug: 'cache-seed-article' }, '2030-10-02T00:00:00.000Z')
    const req = await editorRequest({ seeding: true })
    await payload.update({ collection: 'bylines', id: byline.id, data: { bio: '种子简介' }, req })
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'cache-seed-renamed' }, req })
    expect(req.context.invalidatedCacheTags).toBeUndefined()
  })
})
