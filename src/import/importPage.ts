import { createHash, randomBytes } from 'node:crypto'

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import type { BylineRole } from '../newsroom/bylines'
import { blockNode, headingNode, paragraphNode, rootNode, uploadNode } from '../seed/lexical'
import { placeholderAltText, renderPlaceholderPhoto } from '../seed/placeholderImage'
import { parsePage } from './parsePage'
import type { ImportedArticle, ImportedBlock, PageParse } from './types'

type Id = number | string

export type ImportedDraft = { id: Id; title: string; needsReview: boolean; warnings: string[] }

export type PageImport =
  | { status: 'created'; pageKey: string; articles: ImportedDraft[]; unassigned: string[]; warnings: string[] }
  | { status: 'alreadyImported'; pageKey: string; articles: ImportedDraft[]; unassigned: string[]; warnings: string[] }
  | { status: 'refused'; pageKey: string; problem: string }

/** The same page, however its line endings and edges were saved, is the same key. */
export function pageKeyOf(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n?/g, '\n').trim()).digest('hex').slice(0, 16)
}

const BYLINE_KINDS: Record<BylineRole, string> = {
  byline: 'unspecified',
  staffReporter: 'staff',
  reporter: 'staff',
  correspondent: 'correspondent',
  contributor: 'contributor',
  photographer: 'photographer',
  courtesy: 'organisation',
}

type Context = {
  payload: Payload
  req: PayloadRequest
  overrideAccess: boolean
  pageKey: string
  /** Every tag in use, read once per page. */
  tags: { id: Id; name: string }[]
  created: { collection: 'articles' | 'photos' | 'bylines' | 'columns'; id: Id }[]
}

async function findOne(ctx: Context, collection: 'columns' | 'bylines' | 'regions' | 'tags' | 'articles', where: Record<string, unknown>): Promise<Id | null> {
  const { docs } = await ctx.payload.find({ collection, where: where as never, depth: 0, limit: 1, pagination: false, draft: true, overrideAccess: true, req: ctx.req, select: {} })
  return docs[0]?.id ?? null
}

/** Existing entries are reused by name; a missing column or byline is created (inside the same transaction). */
async function bylineId(ctx: Context, name: string, role: BylineRole): Promise<Id> {
  const existing = await findOne(ctx, 'bylines', { name: { equals: name } })
  if (existing != null) return existing
  const created = await ctx.payload.create({ collection: 'bylines', data: { name, kind: BYLINE_KINDS[role] } as never, req: ctx.req, overrideAccess: true })
  ctx.created.push({ collection: 'bylines', id: created.id })
  return created.id
}

async function columnId(ctx: Context, article: ImportedArticle): Promise<Id | null> {
  if (!article.column) return null
  const existing = await findOne(ctx, 'columns', { name: { equals: article.column.name } })
  if (existing != null) return existing
  const installment = article.column.installment ?? ''
  const numberingStyle = /[①-⑳]/.test(installment) ? 'circled' : /[(（][一二三四五六七八九十]+[)）]/.test(installment) ? 'chineseParenthesised' : /^第.+期$/.test(installment) ? 'ordinalIssue' : 'none'
  const created = await ctx.payload.create({
    collection: 'columns',
    data: { name: article.column.name, numberingStyle, partSeparator: installment.includes('之') || article.source.some((block) => block.includes('之')) ? 'zhi' : 'middleDot' } as never,
    req: ctx.req,
    overrideAccess: true,
  })
  ctx.created.push({ collection: 'columns', id: created.id })
  return created.id
}

async function regionIds(ctx: Context, article: ImportedArticle): Promise<{ ids: Id[]; unknown: string[] }> {
  const ids: Id[] = []
  const unknown: string[] = []
  for (const name of article.regions) {
    const id = await findOne(ctx, 'regions', { name: { equals: name } })
    if (id != null) ids.push(id)
    else unknown.push(name)
  }
  return { ids, unknown }
}

/** Tags already in use whose name the headline, deck or standfirst carries. */
function tagIds(ctx: Context, article: ImportedArticle): Id[] {
  const heading = [article.kicker, article.title, article.subtitle, article.paragraphs[0]].join(' ')
  return ctx.tags.filter((tag) => tag.name && heading.includes(tag.name)).map((tag) => tag.id)
}

async function photoIds(ctx: Context, article: ImportedArticle, articleIndex: number): Promise<Id[]> {
  const ids: Id[] = []
  for (const [index, photo] of article.photos.entries()) {
    const sourceKey = `import:${ctx.pageKey}:${articleIndex}:photo:${index}`
    const image = await renderPlaceholderPhoto(sourceKey)
    const creditByline = photo.credit ? await bylineId(ctx, photo.credit, photo.creditKind === 'courtesy' ? 'courtesy' : 'photographer') : null
    const created = await ctx.payload.create({
      collection: 'photos',
      data: { sourceKey, alt: placeholderAltText(photo.caption), caption: photo.caption, creditKind: photo.creditKind ?? 'photographer', creditByline } as never,
      file: { data: image, mimetype: 'image/png', name: `import-${ctx.pageKey}-${articleIndex}-${index}.png`, size: image.length },
      req: ctx.req,
      overrideAccess: true,
    })
    ctx.created.push({ collection: 'photos', id: created.id })
    ids.push(created.id)
  }
  return ids
}

function lexicalBody(body: ImportedBlock[], photos: Id[], leadPhoto: number | null) {
  return rootNode(
    body.flatMap((block) => {
      const id = randomBytes(12).toString('hex')
      switch (block.type) {
        case 'paragraph':
          return [paragraphNode(block.text)]
        case 'subhead':
          return [headingNode(block.text)]
        case 'box':
          return [blockNode('labelledBox', { id, label: block.label, variant: 'section', text: '' })]
        case 'note':
          return [blockNode('editorNote', { id, kind: block.kind, text: block.text })]
        case 'photo':
          return block.index === leadPhoto ? [] : [uploadNode('photos', photos[block.index])]
      }
    }),
  )
}

const length = (article: ImportedArticle) => article.paragraphs.reduce((sum, paragraph) => sum + paragraph.length, 0)

async function createDraft(ctx: Context, article: ImportedArticle, index: number): Promise<ImportedDraft> {
  const photos = await photoIds(ctx, article, index)
  const firstParagraph = article.body.findIndex((block) => block.type === 'paragraph')
  const firstPhoto = article.body.findIndex((block) => block.type === 'photo')
  const leadPhoto = firstPhoto >= 0 && (firstParagraph < 0 || firstPhoto < firstParagraph) ? 0 : null
  const seen = new Set<string>()
  const bylines = []
  for (const byline of article.bylines) {
    if (seen.has(byline.name)) continue
    seen.add(byline.name)
    bylines.push({ byline: await bylineId(ctx, byline.name, byline.role), role: byline.role })
  }
  const regions = await regionIds(ctx, article)
  const flags = [...article.reviewFlags]
  if (photos.length > 0) flags.push({ kind: 'other', note: `本稿 ${photos.length} 张图片只有图片说明，已用占位图代替：请换上原图` })
  if (regions.unknown.length > 0) flags.push({ kind: 'other', note: `标题中的地名未收录，未关联地区：${regions.unknown.join('、')}` })
  const data = {
    sourceKey: `import:${ctx.pageKey}:${index}`,
    title: article.title,
    kicker: article.kicker ?? undefined,
    subtitle: article.subtitle ?? undefined,
    column: (await columnId(ctx, article)) ?? undefined,
    installment: article.installment ?? undefined,
    articleType: article.bylinePosition === 'trailing' && length(article) < 800 ? 'brief' : length(article) > 1500 ? 'feature' : 'news',
    bylines,
    bylinePosition: article.bylinePosition,
    leadPhoto: leadPhoto === null ? undefined : photos[0],
    photos: photos.filter((_, photoIndex) => photoIndex !== leadPhoto && !article.body.some((block) => block.type === 'photo' && block.index === photoIndex)),
    regions: regions.ids,
    tags: tagIds(ctx, article),
    reviewFlags: flags.map((flag) => ({ ...flag, resolved: false })),
    body: lexicalBody(article.body, photos, leadPhoto),
  }
  const created = await ctx.payload.create({ collection: 'articles', draft: true, data: data as never, req: ctx.req, overrideAccess: ctx.overrideAccess, user: ctx.req.user })
  ctx.created.push({ collection: 'articles', id: created.id })
  return { id: created.id, title: created.title, needsReview: flags.length > 0, warnings: flags.map((flag) => flag.note) }
}

/** Deletes what an import made, newest first: photos' files go with them, articles leave the search index. */
async function undo(ctx: Context): Promise<void> {
  for (const { collection, id } of [...ctx.created].reverse()) {
    await ctx.payload.delete({ collection, id, overrideAccess: true }).catch((error: unknown) => ctx.payload.logger.error({ err: error, msg: `导入回滚：删除 ${collection} ${id} 失败` }))
  }
}

/** Drafts and photos an interrupted import of this page left behind. */
async function clearInterrupted(payload: Payload, pageKey: string): Promise<number> {
  const where = { sourceKey: { like: `import:${pageKey}:` } }
  const { docs } = await payload.find({ collection: 'articles', where, draft: true, depth: 0, limit: 0, pagination: false, overrideAccess: true, select: {} })
  for (const article of docs) await payload.delete({ collection: 'articles', id: article.id, overrideAccess: true })
  await payload.delete({ collection: 'photos', where, overrideAccess: true })
  return docs.length
}

/**
 * Imports one page: every article as a draft, all or nothing. Where the database has
 * transactions (SQLite, and MongoDB on a replica set) the page is one transaction; otherwise a failure
 * deletes what was made, and the page's first article is written last, so an import cut
 * short by a crash is recognisable (no first article) and cleared on the next attempt. A page
 * already imported (the same text) creates nothing. `user` is who imports (their access rules
 * apply; the command line imports as the system).
 */
export async function importPage(payload: Payload, text: string, options: { user?: PayloadRequest['user']; parse?: PageParse } = {}): Promise<PageImport> {
  const pageKey = pageKeyOf(text)
  const parse = options.parse ?? parsePage(text)
  const previous = await payload.find({ collection: 'articles', where: { sourceKey: { like: `import:${pageKey}:` } }, draft: true, depth: 0, limit: 0, pagination: false, overrideAccess: true, sort: 'sourceKey', select: { title: true, needsReview: true, sourceKey: true } })
  const complete = previous.docs.some((doc) => doc.sourceKey === `import:${pageKey}:0`)
  if (complete) {
    return {
      status: 'alreadyImported',
      pageKey,
      articles: previous.docs.map((doc) => ({ id: doc.id, title: doc.title, needsReview: Boolean(doc.needsReview), warnings: [] })),
      unassigned: parse.unassigned,
      warnings: [`这一版已经导入过（${previous.docs.length} 篇草稿），本次没有新建任何内容`],
    }
  }
  if (parse.articles.length === 0) return { status: 'refused', pageKey, problem: parse.warnings.at(-1) ?? '没有找到可以识别的稿件' }
  const cleared = previous.docs.length > 0 ? await clearInterrupted(payload, pageKey) : 0
  const req = await createLocalReq({ user: options.user ?? undefined }, payload)
  const { docs: tags } = await payload.find({ collection: 'tags', depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { name: true } })
  const ctx: Context = { payload, req, overrideAccess: !options.user, pageKey, tags, created: [] }
  const inTransaction = await initTransaction(req)
  try {
    const order = [...parse.articles.keys()].slice(1).concat(0)
    const drafts = new Map<number, ImportedDraft>()
    for (const index of order) drafts.set(index, await createDraft(ctx, parse.articles[index], index))
    if (inTransaction) await commitTransaction(req)
    const warnings = cleared > 0 ? [`上次导入这一版时中断，已清理留下的 ${cleared} 篇不完整草稿后重新导入`, ...parse.warnings] : parse.warnings
    return { status: 'created', pageKey, articles: [...parse.articles.keys()].map((index) => drafts.get(index)!), unassigned: parse.unassigned, warnings }
  } catch (error) {
    if (inTransaction) await killTransaction(req)
    else await undo(ctx)
    throw error
  }
}
