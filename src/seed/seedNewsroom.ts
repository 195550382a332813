import { randomBytes } from 'node:crypto'

import type { Payload, RequestContext } from 'payload'

import { startOfShanghaiDay } from '@/newsroom/dates'

import { loadSeedData } from './data'
import { blockNode, headingNode, paragraphNode, rootNode, uploadNode } from './lexical'
import { placeholderAltText, renderPlaceholderPhoto } from './placeholderImage'
import type { SeedArticle, SeedBlock, SeedData } from './types'
import type { DocumentId } from '@/data/relationId'

/** Hooks read this flag and skip side effects (cache invalidation, notifications) while seeding. */
export const SEED_CONTEXT: RequestContext = { seeding: true }

type Id = DocumentId
type IdMap = Map<string, Id>

export type SeedReport = { created: Record<string, number>; existing: Record<string, number> }

/**
 * Loads the seed pages' content. Every entity is looked up by a natural key first, so a
 * second run finds everything and changes nothing.
 */
export async function seedNewsroom(payload: Payload, data: SeedData = loadSeedData()): Promise<SeedReport> {
  const report: SeedReport = { created: {}, existing: {} }
  const count = (kind: string, created: boolean) => {
    const bucket = created ? report.created : report.existing
    bucket[kind] = (bucket[kind] ?? 0) + 1
  }

  const desks: IdMap = new Map()
  for (const desk of data.desks) {
    desks.set(desk.name, await findOrCreate(payload, 'desks', { name: { equals: desk.name } }, { ...desk }, count))
  }

  const regions: IdMap = new Map()
  for (const region of data.regions) {
    const parent = region.parent ? regions.get(region.parent) : undefined
    regions.set(
      region.name,
      await findOrCreate(payload, 'regions', { name: { equals: region.name } }, { name: region.name, kind: region.kind, parent }, count),
    )
  }

  const tags: IdMap = new Map()
  for (const name of data.tags) {
    tags.set(name, await findOrCreate(payload, 'tags', { name: { equals: name } }, { name }, count))
  }

  const bylines: IdMap = new Map()
  const bylineKinds = [
    ...data.bylines.people.map((name) => ({ name, kind: 'unspecified' })),
    ...data.bylines.organisations.map((name) => ({ name, kind: 'organisation' })),
  ]
  for (const { name, kind } of bylineKinds) {
    bylines.set(name, await findOrCreate(payload, 'bylines', { name: { equals: name } }, { name, kind }, count))
  }

  const columns: IdMap = new Map()
  for (const column of data.columns) {
    columns.set(column.name, await findOrCreate(payload, 'columns', { name: { equals: column.name } }, { ...column }, count))
  }

  for (const { desks: deskNames, tags: tagNames, columns: columnNames, regions: regionNames, ...channel } of data.channels) {
    const ids = (names: string[], map: IdMap, what: string) =>
      names.map((name) => {
        const id = map.get(name)
        if (id == null) throw new Error(`种子数据错误：频道“${channel.name}”引用了不存在的${what}“${name}”`)
        return id
      })
    const sources = { desks: ids(deskNames, desks, '部门'), tags: ids(tagNames, tags, '标签'), columns: ids(columnNames, columns, '专栏'), regions: ids(regionNames, regions, '地区') }
    await findOrCreate(payload, 'channels', { slug: { equals: channel.slug } }, { ...channel, ...sources }, count)
  }

  const photos: IdMap = new Map()
  for (const photo of data.photos) {
    const sourceKey = `seed:photo:${photo.key}`
    const existing = await findId(payload, 'photos', { sourceKey: { equals: sourceKey } })
    count('photos', existing == null)
    if (existing != null) {
      photos.set(photo.key, existing)
      continue
    }
    const image = await renderPlaceholderPhoto(photo.key)
    const created = await payload.create({
      collection: 'photos',
      data: {
        sourceKey,
        alt: placeholderAltText(photo.caption),
        caption: photo.caption,
        creditKind: photo.credit.kind,
        creditByline: bylines.get(photo.credit.name) as number,
      },
      file: { data: image, mimetype: 'image/png', name: `seed-${photo.key}.png`, size: image.length },
      context: SEED_CONTEXT,
    })
    photos.set(photo.key, created.id)
  }

  const seedStart = Date.now()
  const editionDate = startOfShanghaiDay(new Date(seedStart)).toISOString()
  for (const [index, article] of data.articles.entries()) {
    const sourceKey = `seed:${article.page}:${article.key}`
    const existing = await findId(payload, 'articles', { sourceKey: { equals: sourceKey } })
    count('articles', existing == null)
    if (existing != null) continue
    // Page order becomes reading order on the home page: the first article is the newest.
    const publishedAt = new Date(seedStart - index * 60_000).toISOString()
    await payload.create({
      collection: 'articles',
      draft: article.status === 'draft',
      data: toArticleData(article, { sourceKey, publishedAt, editionDate, desks, regions, tags, bylines, columns, photos }) as never,
      context: SEED_CONTEXT,
    })
  }
  return report
}

/** The two seed texts are the city-news and county-news pages of the same edition. */
const SEED_PAGE_NAMES: Record<SeedArticle['page'], string> = { '000': '城市新闻', '001': '县域新闻' }
/** Both pages are the 市州新闻部's (src/seed/data/desks.json). */
const SEED_PAGE_DESKS: Record<SeedArticle['page'], string> = { '000': '市州新闻部', '001': '市州新闻部' }

type Refs = { sourceKey: string; publishedAt: string; editionDate: string; desks: IdMap; regions: IdMap; tags: IdMap; bylines: IdMap; columns: IdMap; photos: IdMap }

function toArticleData(article: SeedArticle, refs: Refs) {
  const lookup = (map: IdMap, key: string, what: string) => {
    const id = map.get(key)
    if (id == null) throw new Error(`种子数据错误：稿件 ${article.key} 引用了不存在的${what}“${key}”`)
    return id
  }
  return {
    sourceKey: refs.sourceKey,
    _status: article.status,
    workflowState: article.status,
    articleType: article.articleType,
    desk: lookup(refs.desks, SEED_PAGE_DESKS[article.page], '部门'),
    kicker: article.kicker ?? undefined,
    title: article.title,
    subtitle: article.subtitle ?? undefined,
    column: article.column ? lookup(refs.columns, article.column, '专栏') : undefined,
    installment: article.installment ?? undefined,
    bylines: article.bylines.map((entry) => ({ byline: lookup(refs.bylines, entry.name, '署名'), role: entry.role })),
    bylinePosition: article.bylinePosition,
    leadPhoto: article.leadPhoto ? lookup(refs.photos, article.leadPhoto, '图片') : undefined,
    tags: article.tags.map((name) => lookup(refs.tags, name, '标签')),
    regions: article.regions.map((name) => lookup(refs.regions, name, '地区')),
    reviewFlags: article.reviewFlags.map((flag) => ({ ...flag, resolved: false })),
    publishedAt: article.status === 'published' ? refs.publishedAt : undefined,
    headline: article.headline ?? false,
    // The pages' 版次 is not in the text, so only the page name is kept.
    print: { editionDate: refs.editionDate, pageName: SEED_PAGE_NAMES[article.page] },
    body: rootNode(article.body.map((block) => toLexical(block, (key) => lookup(refs.photos, key, '图片')))),
  }
}

function toLexical(block: SeedBlock, photoId: (key: string) => Id) {
  const id = randomBytes(12).toString('hex')
  switch (block.type) {
    case 'paragraph':
      return paragraphNode(block.text)
    case 'subhead':
      return headingNode(block.text)
    case 'box':
      return blockNode('labelledBox', { id, label: block.label, variant: 'box', text: block.paragraphs.join('\n') })
    case 'section':
      return blockNode('labelledBox', { id, label: block.label, variant: 'section', text: '' })
    case 'note':
      return blockNode('editorNote', { id, kind: block.kind, text: block.text })
    case 'photo':
      return uploadNode('photos', photoId(block.photo))
  }
}

type SeedCollection = 'desks' | 'regions' | 'tags' | 'bylines' | 'columns' | 'channels' | 'photos' | 'articles'

async function findId(payload: Payload, collection: SeedCollection, where: Record<string, unknown>): Promise<Id | null> {
  const found = await payload.find({ collection, where: where as never, limit: 1, depth: 0, draft: true, pagination: false })
  return found.docs[0]?.id ?? null
}

async function findOrCreate(
  payload: Payload,
  collection: Exclude<SeedCollection, 'photos' | 'articles'>,
  where: Record<string, unknown>,
  data: Record<string, unknown>,
  count: (kind: string, created: boolean) => void,
): Promise<Id> {
  const existing = await findId(payload, collection, where)
  count(collection, existing == null)
  if (existing != null) return existing
  const created = await payload.create({ collection, data: data as never, context: SEED_CONTEXT })
  return created.id
}
