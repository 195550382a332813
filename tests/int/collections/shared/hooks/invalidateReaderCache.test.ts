import { createLocalReq, type Payload } from 'payload'

import type { Article, Byline, Column, Region, Tag } from '@payload-types'
import type { WorkflowAction } from '@/newsroom/workflow'
import { renderPlaceholderPhoto } from '@/seed/placeholderImage'
import { processPurger } from '@/publishing/cachePurge'
import { CACHE_TAGS } from '@/publishing/cacheTags'
import { runDueSchedules } from '@/workflow/scheduler'
import { transitionArticle } from '@/workflow/transitionArticle'
import { signedInClient } from '../../../../helpers/inProcessApi'
import { type Staff, STAFF_PASSWORD } from '../../../../helpers/newsroomUsers'
import { useTestPayload } from '../../../../helpers/payload'
import { useRecordingPurgeEndpoint } from '../../../../helpers/purgeEndpoint'
import { publishChange, signFinal, submitAndSign, transitionAs } from '../../../../helpers/workflow'

/**
 * What each kind of change expires, read from what the app purges from the cache tier (the
 * same names it expires in Next.js's cache, src/publishing/expireTags.ts): every change in
 * the process is seen, whichever request made it, the workflow's and the scheduler's included.
 */
const purgeEndpoint = useRecordingPurgeEndpoint()
let payload: Payload
let staff: Staff
useTestPayload({ staff: true }, (booted) => ({ payload, staff } = booted))

type Id = number | string
const asEditor = () => ({ user: { ...staff.editor, collection: 'users' as const } })
const act = (id: Id, action: WorkflowAction, options: { now?: Date; publishAt?: Date; note?: string } = {}) => transitionAs(payload, staff.editor, { id, action, ...options })

/** The keys purged by what `change` does, once every purge it queued has been sent. */
async function expiredBy(change: () => Promise<unknown>): Promise<string[]> {
  await processPurger(payload.logger)!.settled()
  purgeEndpoint().requests.length = 0
  await change()
  await processPurger(payload.logger)!.settled()
  return [...new Set(purgeEndpoint().requests.flatMap((request) => request.keys))].sort()
}

const sorted = (tags: string[]) => [...new Set(tags)].sort()
/**
 * What expired, less the pages of the installments beside the article in the shared fixture
 * column (which ones depends on what the other tests published there; `installment
 * neighbours` below checks them exactly).
 */
const withoutNeighbours = (expired: string[]) => expired.filter((tag) => !tag.startsWith(CACHE_TAGS.neighbours('')))
const EVERY_PUBLIC_CHANGE = [CACHE_TAGS.home, CACHE_TAGS.feeds, CACHE_TAGS.sitemap, CACHE_TAGS.search]

let column: Column
let otherColumn: Column
let byline: Byline
let tag: Tag
let province: Region
let city: Region
let district: Region

beforeAll(async () => {
  const createColumn = (name: string, slug: string) => payload.create({ collection: 'columns', data: { name, slug, numberingStyle: 'circled', cadence: 'weekly' } as never }) as Promise<Column>
  const createRegion = (name: string, slug: string, kind: Region['kind'], parent?: Region) => payload.create({ collection: 'regions', data: { name, slug, kind, parent: parent?.id } }) as Promise<Region>
  column = await createColumn('失效专栏', 'expiry-column')
  otherColumn = await createColumn('另一专栏', 'expiry-other-column')
  byline = (await payload.create({ collection: 'bylines', data: { name: '失效记者', slug: 'expiry-byline', kind: 'staff' } as never })) as Byline
  tag = (await payload.create({ collection: 'tags', data: { name: '失效标签', slug: 'expiry-tag' } })) as Tag
  province = await createRegion('失效省', 'expiry-province', 'province')
  city = await createRegion('失效市', 'expiry-city', 'city', province)
  district = await createRegion('失效区', 'expiry-district', 'district', city)
})

/** An article filed under the fixtures' column, byline, tag and district, printed on 2031-03-02. */
const filed = (title: string, slug: string) => ({
  title,
  slug,
  column: column.id,
  bylines: [{ byline: byline.id }],
  tags: [tag.id],
  regions: [district.id],
  print: { editionDate: '2031-03-02T00:00:00.000+08:00' },
})

const draftOf = (title: string, slug: string, data: Record<string, unknown> = filed(title, slug)) =>
  payload.create({ collection: 'articles', data: data as never, draft: true, ...asEditor() }) as Promise<Article>

async function publishedOn(title: string, slug: string, at: string): Promise<Article> {
  const article = await draftOf(title, slug)
  await submitAndSign(payload, staff, article.id)
  return act(article.id, 'publish', { now: new Date(at) })
}

/** Every page that shows an article filed as `filed` describes, published at `day` (Beijing). */
const pagesShowing = (slug: string, day: string, columnSlug = column.slug!) =>
  sorted([
    ...EVERY_PUBLIC_CHANGE,
    CACHE_TAGS.article(slug),
    CACHE_TAGS.column(columnSlug),
    CACHE_TAGS.byline(byline.slug!),
    CACHE_TAGS.tag(tag.slug!),
    CACHE_TAGS.region(district.slug!),
    CACHE_TAGS.region(city.slug!),
    CACHE_TAGS.region(province.slug!),
    CACHE_TAGS.day(day),
    CACHE_TAGS.edition('2031-03-02'),
  ])

describe('saves readers cannot see', () => {
  it('invalidates nothing when a new draft is saved, or on its autosaves', async () => {
    expect(
      await expiredBy(async () => {
        const article = await draftOf('只是草稿', 'expiry-draft')
        await payload.update({ collection: 'articles', id: article.id, data: { title: '只是草稿（改）' }, draft: true, autosave: true, ...asEditor() })
        await payload.update({ collection: 'articles', id: article.id, data: { title: '只是草稿（再改）' }, draft: true, ...asEditor() })
      }),
    ).toEqual([])
  })

  it('invalidates nothing when a draft or an autosave is saved over a published article', async () => {
    const article = await publishedOn('已发布稿件', 'expiry-draft-over-published', '2031-03-01T02:00:00.000Z')
    expect(await expiredBy(() => payload.update({ collection: 'articles', id: article.id, data: { title: '改稿中' }, draft: true, autosave: true, ...asEditor() }))).toEqual([])
    expect(await expiredBy(() => payload.update({ collection: 'articles', id: article.id, data: { title: '改稿中（保存）', slug: 'expiry-draft-slug' }, draft: true, ...asEditor() }))).toEqual([])
    // A draft that credits someone else also updates the row's readable credits, and still changes nothing public.
    const colleague = await payload.create({ collection: 'bylines', data: { name: '合作记者', slug: 'expiry-colleague', kind: 'staff' } as never })
    const credits = [{ byline: byline.id }, { byline: colleague.id }]
    expect(await expiredBy(() => payload.update({ collection: 'articles', id: article.id, data: { bylines: credits }, draft: true, ...asEditor() }))).toEqual([])
  })

  it('invalidates nothing for workflow steps before publication', async () => {
    const article = await draftOf('送审稿件', 'expiry-workflow-steps')
    expect(await expiredBy(async () => {
      await submitAndSign(payload, staff, article.id)
    })).toEqual([])
  })

  it('invalidates nothing when an unpublished draft is deleted', async () => {
    const article = await draftOf('删除草稿', 'expiry-deleted-draft')
    expect(await expiredBy(() => payload.delete({ collection: 'articles', id: article.id, ...asEditor() }))).toEqual([])
  })

  it('invalidates nothing when a photo no reader can see is edited', async () => {
    const image = await renderPlaceholderPhoto('未用图片')
    const photo = await payload.create({ collection: 'photos', data: { alt: '未用图片' }, file: { data: image, mimetype: 'image/png', name: 'unused.png', size: image.length } })
    expect(await expiredBy(() => payload.update({ collection: 'photos', id: photo.id, data: { alt: '未用图片（改）' } }))).toEqual([])
  })
})

describe('public changes to an article', () => {
  it('expires exactly the pages that show an article when the workflow publishes it (签发), and no other column’s', async () => {
    const article = await draftOf('签发稿件', 'expiry-published')
    await submitAndSign(payload, staff, article.id)
    const expired = await expiredBy(() => act(article.id, 'publish', { now: new Date('2031-03-01T17:30:00.000Z') }))
    // 01:30 on 2 March in Beijing: the day archive is Beijing's.
    expect(withoutNeighbours(expired)).toEqual(pagesShowing('expiry-published', '2031-03-02'))
    expect(expired).not.toContain(CACHE_TAGS.column(otherColumn.slug!))
  })

  it('expires the old and the new address and column when changes with a new slug and column are published', async () => {
    const article = await publishedOn('改址稿件', 'expiry-old-slug', '2031-03-01T02:00:00.000Z')
    // As the admin does it: autosaved as a draft first, then published from that draft.
    await payload.update({ collection: 'articles', id: article.id, data: { slug: 'expiry-new-slug', column: otherColumn.id }, draft: true, autosave: true, ...asEditor() })
    await signFinal(payload, staff, article.id)
    const expired = await expiredBy(() =>
      payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' }, draft: false, ...asEditor() }),
    )
    expect(withoutNeighbours(expired)).toEqual(sorted([...pagesShowing('expiry-old-slug', '2031-03-01'), ...pagesShowing('expiry-new-slug', '2031-03-01', otherColumn.slug!)]))
  })

  it('expires the pages that show an article the scheduler publishes at its time', async () => {
    const now = new Date()
    const article = await draftOf('定时稿件', 'expiry-scheduled')
    await submitAndSign(payload, staff, article.id, { now })
    await act(article.id, 'schedule', { now, publishAt: new Date(now.getTime() + 10 * 60_000) })
    const due = new Date(now.getTime() + 11 * 60_000)
    const expired = await expiredBy(async () => expect((await runDueSchedules(payload, due)).published).toContain(article.id))
    expect(withoutNeighbours(expired)).toEqual(expect.arrayContaining(pagesShowing('expiry-scheduled', new Date(due.getTime() + 8 * 3_600_000).toISOString().slice(0, 10))))
  })

  it('expires the pages that showed an article when it is retracted', async () => {
    const article = await publishedOn('撤稿稿件', 'expiry-retracted', '2031-03-01T02:00:00.000Z')
    expect(withoutNeighbours(await expiredBy(() => transitionAs(payload, staff.chiefEditor, { id: article.id, action: 'retract', note: '事实有误，予以撤稿。' })))).toEqual(pagesShowing('expiry-retracted', '2031-03-01'))
  })

  it('expires the pages that showed an article the scheduler takes offline', async () => {
    const article = await publishedOn('到期稿件', 'expiry-expired', '2031-03-01T02:00:00.000Z')
    const expired = await expiredBy(async () => transitionArticle(payload, await createLocalReq({}, payload), { id: article.id, action: 'expire', system: true }))
    expect(withoutNeighbours(expired)).toEqual(pagesShowing('expiry-expired', '2031-03-01'))
  })

  it('expires the pages that show an article when a published version is restored, and nothing when it is restored as a draft', async () => {
    const article = await publishedOn('恢复稿件', 'expiry-restored', '2031-03-01T02:00:00.000Z')
    await publishChange(payload, staff, article.id, { title: '恢复稿件（改）' })
    const { docs } = await payload.findVersions({ collection: 'articles', where: { parent: { equals: article.id }, 'version._status': { equals: 'published' } }, sort: 'updatedAt', limit: 1 })
    // Over REST, as the admin's buttons do it: the Local API has no restore as a draft.
    const editor = await signedInClient(payload, staff.editor.email, STAFF_PASSWORD)
    const restore = (draft: boolean) => editor.rest(`/api/articles/versions/${docs[0].id}?draft=${draft}`, { method: 'POST' }).then(({ status }) => expect(status).toBe(200))
    expect(await expiredBy(() => restore(true))).toEqual([])
    expect(withoutNeighbours(await expiredBy(() => restore(false)))).toEqual(pagesShowing('expiry-restored', '2031-03-01'))
  })

  it('expires the pages that showed a published article when it is deleted', async () => {
    const article = await publishedOn('删除稿件', 'expiry-deleted', '2031-03-01T02:00:00.000Z')
    expect(withoutNeighbours(await expiredBy(() => payload.delete({ collection: 'articles', id: article.id, overrideAccess: true })))).toEqual(pagesShowing('expiry-deleted', '2031-03-01'))
  })
})

describe('installment neighbours', () => {
  let installments: Column
  beforeAll(async () => {
    installments = (await payload.create({ collection: 'columns', data: { name: '连载专栏', slug: 'expiry-installments', numberingStyle: 'circled', cadence: 'weekly' } as never })) as Column
  })
  const inSeries = (title: string, slug: string) => ({ ...filed(title, slug), column: installments.id })
  async function publishedInSeries(title: string, slug: string, at: string): Promise<Article> {
    const article = await draftOf(title, slug, inSeries(title, slug))
    await submitAndSign(payload, staff, article.id)
    return act(article.id, 'publish', { now: new Date(at) })
  }

  it('expires the pages of the installments either side of a newly published one, which link to it, and no other installment’s', async () => {
    await publishedInSeries('连载之一', 'expiry-series-1', '2031-05-01T02:00:00.000Z')
    await publishedInSeries('连载之三', 'expiry-series-3', '2031-05-03T02:00:00.000Z')
    await publishedInSeries('连载之四', 'expiry-series-4', '2031-05-04T02:00:00.000Z')
    const middle = await draftOf('连载之二', 'expiry-series-2', inSeries('连载之二', 'expiry-series-2'))
    await submitAndSign(payload, staff, middle.id)
    const expired = await expiredBy(() => act(middle.id, 'publish', { now: new Date('2031-05-02T02:00:00.000Z') }))
    expect(expired).toEqual(sorted([...pagesShowing('expiry-series-2', '2031-05-02', installments.slug!), CACHE_TAGS.neighbours('expiry-series-1'), CACHE_TAGS.neighbours('expiry-series-3')]))
  })

  it('leaves the pages beside a retracted installment to its own tag, which they carry as a link', async () => {
    const { docs } = await payload.find({ collection: 'articles', where: { slug: { equals: 'expiry-series-3' } }, limit: 1 })
    expect(await expiredBy(() => transitionAs(payload, staff.chiefEditor, { id: docs[0].id, action: 'retract', note: '连载撤稿。' }))).toEqual(pagesShowing('expiry-series-3', '2031-05-03', installments.slug!))
  })
})

describe('changes to what articles are shown with', () => {
  it('expires every page showing bylines, the sitemap and search when a byline is renamed', async () => {
    expect(await expiredBy(() => payload.update({ collection: 'bylines', id: byline.id, data: { name: '改名记者' } }))).toEqual(sorted([CACHE_TAGS.bylines, CACHE_TAGS.sitemap, CACHE_TAGS.search]))
  })

  it('expires every page showing photos when a photo readers can see is edited', async () => {
    const image = await renderPlaceholderPhoto('专栏题图')
    const photo = await payload.create({ collection: 'photos', data: { alt: '专栏题图' }, file: { data: image, mimetype: 'image/png', name: 'logo.png', size: image.length } })
    // A column's logo is public as soon as the column shows it.
    await payload.update({ collection: 'columns', id: otherColumn.id, data: { logo: photo.id } })
    expect(await expiredBy(() => payload.update({ collection: 'photos', id: photo.id, data: { alt: '专栏题图（改）' } }))).toEqual([CACHE_TAGS.photos])
  })
})
