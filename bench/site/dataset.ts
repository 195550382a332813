import type { Payload } from 'payload'

import type { Role } from '@/access/roles'
import type { ReviewLevel } from '@/newsroom/reviewChain'
import { renderPlaceholderPhoto } from '@/seed/placeholderImage'
import { SEED_CONTEXT } from '@/seed/seedNewsroom'
import { loadSeedData } from '@/seed/data'
import { rebuildSearchIndex } from '@/search/indexer'
import { type DatasetShape, generateArticles, generatedVocabulary, lexicalBodyOf } from '../dataset'

export type BenchAccount = { email: string; password: string }
type StaffAccount = BenchAccount & { name: string; roles: Role[] }

/** Writes and publishes the bench's articles, and reads them all back. */
export const BENCH_EDITOR: BenchAccount = { email: 'bench-editor@bench.local', password: 'site-bench-passphrase-2026' }
/**
 * One account per level of the 三审 chain: nobody may sign two levels of an article, and 初审
 * falls to an editor other than its writer. The desk head heads the bench desk (复审 covers
 * only the desks one heads).
 */
export const BENCH_SIGNERS: Record<ReviewLevel, StaffAccount> = {
  first: { email: 'bench-first-review@bench.local', password: 'loopback-signer-passphrase-1', name: '基准初审编辑', roles: ['editor'] },
  second: { email: 'bench-desk-head@bench.local', password: 'loopback-signer-passphrase-2', name: '基准部门主任', roles: ['deskHead'] },
  proofreading: { email: 'bench-proofreader@bench.local', password: 'loopback-signer-passphrase-3', name: '基准校对', roles: ['proofreader'] },
  final: { email: 'bench-chief@bench.local', password: 'loopback-signer-passphrase-4', name: '基准总编辑', roles: ['chiefEditor'] },
}
/** Every level, in order: the bench signs each one, whatever the product's default chain becomes. */
const EVERY_LEVEL = { first: true, second: true, proofreading: true, briefsSkipSecond: false }

export type SiteDataset = {
  shape: DatasetShape
  milliseconds: number
  /** The desk every article is filed with and every bench account belongs to. */
  desk: Id
  paths: { articles: string[]; columns: string[]; channels: string[]; bylines: string[]; regions: string[] }
  articleIds: (number | string)[]
}

type Id = number | string
const PHOTO_UPLOADS_IN_FLIGHT = 4

/**
 * A newsroom in the database through the Local API, the way the seed fills it (so every
 * hook that shapes stored data runs; cache invalidation is skipped as in seeding): a desk with
 * the bench editor and the signers of its review chain, regions under the seed's city,
 * columns, bylines, tags, photos with their resized versions, and published articles from the
 * seed pages' text (bench/dataset.ts) filed with the desk, then the search index.
 */
export async function fillNewsroom(payload: Payload, shape: DatasetShape, log: (line: string) => void): Promise<SiteDataset> {
  const started = performance.now()
  // First: an account the password policy refuses fails the run before the long part.
  const desk = await payload.create({ collection: 'desks', data: { name: '基准测试部', reviewChain: EVERY_LEVEL }, context: SEED_CONTEXT })
  const staff: StaffAccount[] = [{ ...BENCH_EDITOR, name: '基准编辑', roles: ['editor'] }, ...Object.values(BENCH_SIGNERS)]
  for (const account of staff) await payload.create({ collection: 'users', data: { ...account, desks: [desk.id] } as never })
  const create = async (collection: 'regions' | 'columns' | 'bylines' | 'tags', data: Record<string, unknown>) =>
    (await payload.create({ collection, data: data as never, context: SEED_CONTEXT })) as { id: Id; slug?: string | null }
  // The same names, columns and places bench/dataset.ts writes articles with.
  const { names, columns: columnNames, regions: regionNames } = generatedVocabulary()

  const city = await create('regions', { name: '长沙市', kind: 'city' })
  const regions = [city]
  for (const name of regionNames.slice(0, shape.regions)) regions.push(await create('regions', { name, kind: 'town', parent: city.id }))
  const columns = []
  for (const name of columnNames.slice(0, shape.columns)) columns.push(await create('columns', { name, numberingStyle: 'circled', cadence: 'weekly' }))
  const bylines: { id: Id; slug?: string | null }[] = []
  for (const name of names.slice(0, shape.bylines)) bylines.push(await create('bylines', { name, kind: 'staff' }))
  const tagNames = loadSeedData().tags
  const tags = []
  for (const name of tagNames) tags.push(await create('tags', { name }))
  // Channels of each kind of source, one taking in every article by the desk (the widest a desk channel gets).
  const channelSources = [
    { name: '要闻', slug: 'yaowen', desks: [desk.id] },
    { name: '经济', slug: 'jingji', tags: tags.slice(0, 5).map((tag) => tag.id) },
    { name: '城区', slug: 'chengqu', regions: [city.id] },
    { name: '专栏', slug: 'zhuanlan', columns: columns.map((column) => column.id) },
  ]
  const channels = []
  for (const [index, channel] of channelSources.entries()) channels.push(await payload.create({ collection: 'channels', data: { ...channel, position: index } as never, context: SEED_CONTEXT }))
  log(`  分类：${regions.length} 个地区、${columns.length} 个专栏、${channels.length} 个频道、${bylines.length} 个署名、${tags.length} 个标签`)

  const images = await Promise.all(Array.from({ length: 8 }, (_, index) => renderPlaceholderPhoto(`bench-${index}`)))
  const photos: Id[] = new Array(shape.photos)
  let nextPhoto = 0
  // Four uploads at a time: resizing waits on sharp's threads, and measured on two cores four
  // in flight take 320 ms a photo against 470 ms one by one.
  await Promise.all(
    Array.from({ length: PHOTO_UPLOADS_IN_FLIGHT }, async () => {
      while (nextPhoto < shape.photos) {
        const index = nextPhoto++
        const image = images[index % images.length]
        const photo = await payload.create({
          collection: 'photos',
          data: { alt: `示意图 ${index + 1}`, caption: `基准测试图片 ${index + 1}`, creditKind: 'photographer', creditByline: bylines[index % bylines.length].id } as never,
          file: { data: image, mimetype: 'image/png', name: `bench-${index + 1}.png`, size: image.length },
          context: SEED_CONTEXT,
        })
        photos[index] = photo.id
      }
    }),
  )
  log(`  图片：${photos.length} 张`)

  const byName = <T extends { id: Id }>(names: string[], docs: T[]) => new Map(names.map((name, index) => [name, docs[index]?.id]))
  const bylineIds = byName(names.slice(0, bylines.length), bylines)
  const columnIds = byName(columnNames, columns)
  const regionIds = byName(regionNames, regions.slice(1))
  const tagIds = byName(tagNames, tags)
  const articleIds: Id[] = []
  const articleSlugs: string[] = []
  const installments = new Map<Id, number>()
  for (const article of generateArticles(shape.articles, { names, columns: columnNames, regions: regionNames })) {
    const column = article.column ? columnIds.get(article.column) : undefined
    if (column != null) installments.set(column, (installments.get(column) ?? 0) + 1)
    const created = await payload.create({
      collection: 'articles',
      data: {
        _status: 'published',
        workflowState: 'published',
        desk: desk.id,
        kicker: article.kicker ?? undefined,
        title: article.title,
        subtitle: article.subtitle ?? undefined,
        summary: article.summary ?? undefined,
        slug: `bench-${article.index + 1}`,
        body: lexicalBodyOf(article),
        bylines: article.bylines.flatMap((name) => (bylineIds.get(name) != null ? [{ byline: bylineIds.get(name), role: 'reporter' }] : [])),
        column,
        installment: column != null ? { number: installments.get(column) } : undefined,
        regions: article.regions.flatMap((name) => (regionIds.get(name) != null ? [regionIds.get(name)] : [])),
        tags: article.tags.flatMap((name) => (tagIds.get(name) != null ? [tagIds.get(name)] : [])),
        leadPhoto: article.index % 3 === 0 && photos.length ? photos[article.index % photos.length] : undefined,
        publishedAt: article.publishedAt,
      } as never,
      context: SEED_CONTEXT,
    })
    articleIds.push(created.id)
    articleSlugs.push((created as { slug?: string }).slug ?? '')
    if ((article.index + 1) % 1000 === 0) log(`  稿件：${article.index + 1} 篇`)
  }
  await rebuildSearchIndex(payload)
  const slugs = (docs: { slug?: string | null }[]) => docs.flatMap((doc) => (doc.slug ? [doc.slug] : []))
  return {
    shape,
    milliseconds: Math.round(performance.now() - started),
    desk: desk.id,
    paths: {
      articles: articleSlugs.map((slug) => `/articles/${slug}`),
      columns: slugs(columns).map((slug) => `/columns/${slug}`),
      channels: slugs(channels).map((slug) => `/channels/${slug}`),
      bylines: slugs(bylines).map((slug) => `/bylines/${slug}`),
      regions: slugs(regions).map((slug) => `/regions/${slug}`),
    },
    articleIds,
  }
}
