import { createHash, randomBytes } from 'node:crypto'

import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

import type { BylineRole } from '@/newsroom/bylines'
import { shanghaiNoon } from '@/newsroom/dates'
import { blockNode, headingNode, markedParagraphNode, rootNode, uploadNode } from '@/seed/lexical'
import { placeholderAltText, renderPlaceholderPhoto } from '@/seed/placeholderImage'
import { applyDecisions, type ArticlePlan, type ExistingArticle, planArticle } from './decisions'
import { describeEdition, type Edition, type EditionCheck, resolveEdition } from './edition'
import { articleSourceKey, findExistingArticles } from './existingArticles'
import { parsePage } from './parsePage'
import type { ImportedArticle, ImportedBlock, PageParse } from './types'
import type { DocumentId } from '@/data/relationId'
import { importableImages } from './word/embeddedImages'
import type { WordImage } from './word/readWordDocument'

type Id = DocumentId

/** One article of the page and what the import did with it; `id` is the draft written, or the existing article skipped. */
export type ImportedDraft = {
  index: number
  id: Id | null
  title: string
  outcome: 'created' | 'updated' | 'skipped'
  existing: ExistingArticle | null
  needsReview: boolean
  warnings: string[]
  /** How many 差错 and 提示 the 校对 checker found in a draft written (the admin's import adds it). */
  proofreading?: { errors: number; warnings: number }
}

/** `created`: at least one draft was written (created or updated); `alreadyImported`: nothing was. */
export type PageImport =
  | {
      status: 'created' | 'alreadyImported'
      pageKey: string
      edition: Edition
      articles: ImportedDraft[]
      unassigned: string[]
      warnings: string[]
      /** Added field: the 导入记录 (page-imports) that keeps the unassigned text for the editor to place; null when nothing was written. */
      record: Id | null
    }
  | { status: 'refused'; pageKey: string; problem: string; conflict?: boolean }

/** What importing the page would do: the preview shows it, the import carries it out. */
export type PagePlan = { pageKey: string; parse: PageParse; edition: EditionCheck; articles: ArticlePlan[] }

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
  edition: Edition
  /** The file's embedded images (Word copy), by ImportedPhoto.image. */
  images: WordImage[]
  /** Every tag in use, read once per page. */
  tags: { id: Id; name: string }[]
  created: { collection: 'articles' | 'photos' | 'bylines' | 'columns' | 'page-imports'; id: Id }[]
}

async function findOne(ctx: Context, collection: 'columns' | 'bylines' | 'regions' | 'tags' | 'photos', where: Record<string, unknown>): Promise<Id | null> {
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
    const sourceKey = `${articleSourceKey(ctx.pageKey, articleIndex)}:photo:${index}`
    // Updating a draft from the same page, or retrying after a crash, finds the placeholder already made.
    const made = await findOne(ctx, 'photos', { sourceKey: { equals: sourceKey } })
    if (made != null) {
      ids.push(made)
      continue
    }
    const embedded = photo.image != null ? ctx.images[photo.image] : undefined
    const file = embedded?.data
      ? { data: embedded.data, mimetype: embedded.contentType ?? 'image/jpeg', name: `import-${ctx.pageKey}-${articleIndex}-${index}.${(embedded.contentType ?? 'image/jpeg').split('/')[1]?.replace('jpeg', 'jpg') ?? 'jpg'}`, size: embedded.data.length }
      : await placeholderFile(sourceKey, `import-${ctx.pageKey}-${articleIndex}-${index}.png`)
    const creditByline = photo.credit ? await bylineId(ctx, photo.credit, photo.creditKind === 'courtesy' ? 'courtesy' : 'photographer') : null
    const created = await ctx.payload.create({
      collection: 'photos',
      data: { sourceKey, alt: embedded?.altText || placeholderAltText(photo.caption), caption: photo.caption, creditKind: photo.creditKind ?? 'photographer', creditByline } as never,
      file,
      req: ctx.req,
      overrideAccess: true,
    })
    ctx.created.push({ collection: 'photos', id: created.id })
    ids.push(created.id)
  }
  return ids
}

async function placeholderFile(sourceKey: string, name: string) {
  const data = await renderPlaceholderPhoto(sourceKey)
  return { data, mimetype: 'image/png', name, size: data.length }
}

function lexicalBody(body: ImportedBlock[], photos: Id[], leadPhoto: number | null) {
  return rootNode(
    body.flatMap((block) => {
      const id = randomBytes(12).toString('hex')
      switch (block.type) {
        case 'paragraph':
          return [markedParagraphNode(block.text, block.marks ?? [])]
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

/** What the page says of one article, as article data: everything an update from the page replaces. */
async function pageData(ctx: Context, article: ImportedArticle, index: number) {
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
  const captionsOnly = article.photos.filter((photo) => photo.image == null).length
  const unreadable = article.photos.filter((photo) => photo.image != null && !ctx.images[photo.image]?.data).length
  if (captionsOnly > 0) flags.push({ kind: 'other', note: `本稿 ${captionsOnly} 张图片只有图片说明，已用占位图代替：请换上原图` })
  if (unreadable > 0) flags.push({ kind: 'other', note: `Word 稿件中 ${unreadable} 张图片无法作为照片导入（格式不受支持，如 EMF/WMF 绘图，或图片已损坏），已用占位图代替：请换上原图` })
  if (regions.unknown.length > 0) flags.push({ kind: 'other', note: `标题中的地名未收录，未关联地区：${regions.unknown.join('、')}` })
  const data = {
    title: article.title,
    kicker: article.kicker ?? null,
    subtitle: article.subtitle ?? null,
    column: (await columnId(ctx, article)) ?? null,
    installment: article.installment ?? { number: null, partName: null, subSeries: null },
    bylines,
    bylinePosition: article.bylinePosition,
    leadPhoto: leadPhoto === null ? null : photos[0],
    photos: photos.filter((_, photoIndex) => photoIndex !== leadPhoto && !article.body.some((block) => block.type === 'photo' && block.index === photoIndex)),
    body: lexicalBody(article.body, photos, leadPhoto),
    // 新华社讯… is wire copy and must say so; without a dateline the article's 来源 is left as it is (本报 for a new draft).
    ...(article.outlet ? { outlet: article.outlet } : {}),
    // Noon in Beijing: the edition's day in every time zone the admin may be viewed from.
    print: { editionDate: shanghaiNoon(ctx.edition.date).toISOString(), pageNumber: ctx.edition.pageNumber, pageName: ctx.edition.pageName },
  }
  return { data, flags, regions: regions.ids }
}

async function createDraft(ctx: Context, article: ImportedArticle, index: number): Promise<ImportedDraft> {
  const { data, flags, regions } = await pageData(ctx, article, index)
  const created = await ctx.payload.create({
    collection: 'articles',
    draft: true,
    data: {
      ...data,
      sourceKey: articleSourceKey(ctx.pageKey, index),
      articleType: article.bylinePosition === 'trailing' && length(article) < 800 ? 'brief' : length(article) > 1500 ? 'feature' : 'news',
      regions,
      tags: tagIds(ctx, article),
      reviewFlags: flags.map((flag) => ({ ...flag, resolved: false })),
    } as never,
    req: ctx.req,
    overrideAccess: ctx.overrideAccess,
    user: ctx.req.user,
  })
  ctx.created.push({ collection: 'articles', id: created.id })
  return { index, id: created.id, title: created.title, outcome: 'created', existing: null, needsReview: flags.length > 0, warnings: flags.map((flag) => flag.note) }
}

/**
 * Replaces a draft's print text (headline, bylines, body, photos, edition) with the page's.
 * What the desk added besides (网题, 导语, tags, places, type) stays; the replaced text stays
 * in the version history, and a 待核事项 says where it went.
 */
async function updateDraft(ctx: Context, article: ImportedArticle, index: number, existing: ExistingArticle & { id: Id }): Promise<ImportedDraft> {
  const { data, flags } = await pageData(ctx, article, index)
  const current = await ctx.payload.findByID({ collection: 'articles', id: existing.id, draft: true, depth: 0, overrideAccess: true, req: ctx.req, select: { reviewFlags: true, regions: true } })
  flags.push({ kind: 'other', note: `已按 ${describeEdition(ctx.edition)} 的版面文字更新标题、署名和正文；更新前的文字可在“版本”中找回` })
  const regions = [...new Set([...(current.regions ?? []).map((region) => (typeof region === 'object' ? region.id : region)), ...(await regionIds(ctx, article)).ids])]
  const updated = await ctx.payload.update({
    collection: 'articles',
    id: existing.id,
    draft: true,
    data: { ...data, regions, reviewFlags: [...(current.reviewFlags ?? []).filter((flag) => flag.resolved), ...flags.map((flag) => ({ ...flag, resolved: false }))] } as never,
    req: ctx.req,
    overrideAccess: ctx.overrideAccess,
    user: ctx.req.user,
  })
  return { index, id: updated.id, title: updated.title, outcome: 'updated', existing, needsReview: flags.length > 0, warnings: flags.map((flag) => flag.note) }
}

/** The 导入记录: what the page made, and the text no draft took, kept for the editor to place. */
async function recordImport(ctx: Context, file: { name: string; format: 'text' | 'docx' }, results: ImportedDraft[], unassigned: string[], warnings: string[]): Promise<Id> {
  const created = await ctx.payload.create({
    collection: 'page-imports',
    data: {
      // Only a name: a path or an overlong name from a browser would fail the record's limit and the whole page.
      fileName: [...file.name.split(/[\\/]/).at(-1)!].slice(0, 255).join(''),
      pageKey: ctx.pageKey,
      format: file.format,
      editionDate: shanghaiNoon(ctx.edition.date).toISOString(),
      pageNumber: ctx.edition.pageNumber,
      pageName: ctx.edition.pageName,
      importedBy: ctx.req.user?.id ?? null,
      articles: results.flatMap((result) => (result.outcome !== 'skipped' && result.id != null ? [result.id] : [])),
      unassigned: unassigned.map((text) => ({ text, assigned: false })),
      warnings: warnings.map((text) => ({ text })),
    } as never,
    req: ctx.req,
    overrideAccess: true,
  })
  ctx.created.push({ collection: 'page-imports', id: created.id })
  return created.id
}

/** Deletes what an import made, newest first: photos' files go with them, articles leave the search index. */
async function undo(ctx: Context): Promise<void> {
  for (const { collection, id } of [...ctx.created].reverse()) {
    await ctx.payload.delete({ collection, id, overrideAccess: true }).catch((error: unknown) => ctx.payload.logger.error({ err: error, msg: `导入回滚：删除 ${collection} ${id} 失败` }))
  }
}

export type ImportOptions = {
  /** Who imports (their access rules apply); the command line imports as the system. */
  user?: PayloadRequest['user']
  parse?: PageParse
  /** The file's embedded images (Word copy); the parse's photos point into it. */
  images?: WordImage[]
  /** The file's name and kind, for its 导入记录. */
  file?: { name: string; format: 'text' | 'docx' }
  /** 见报日期 (`2025-11-13`), 版次, 版名 as the editor gave them; what the page states fills the rest. */
  edition?: unknown
  /** The editor's choice per article index (`{ "2": "update" }`); the rest keep their defaults. */
  decisions?: unknown
}

/**
 * What importing the page would do, article by article: the edition it would carry, and for
 * each article the one already in the database it would duplicate (src/import/existingArticles)
 * and the choices that leaves. Writes nothing. Without a 见报日期 only source keys can match.
 */
export async function planPageImport(payload: Payload, text: string, options: ImportOptions & { req?: PayloadRequest } = {}): Promise<PagePlan> {
  const pageKey = pageKeyOf(text)
  const parse = options.parse ?? parsePage(text)
  const edition = resolveEdition(options.edition, parse.edition)
  const date = edition.ok ? edition.edition.date : edition.partial.date
  const existing = await findExistingArticles(payload, options.req, pageKey, parse, date)
  return { pageKey, parse, edition, articles: parse.articles.map((article, index) => planArticle(index, article.title, existing[index])) }
}

/**
 * Imports one page as the editor decided, article by article: new articles become drafts
 * carrying the edition; an article already there is skipped unless the editor chose to update
 * it (a draft) or to create a separate one (a same-headline match only); nothing on the site is
 * overwritten. The page is one transaction where the database has them (SQLite, and MongoDB
 * on a replica set), and is planned inside it; otherwise a failure deletes what was made.
 */
export async function importPage(payload: Payload, text: string, options: ImportOptions = {}): Promise<PageImport> {
  const pageKey = pageKeyOf(text)
  const parse = options.parse ?? parsePage(text)
  if (parse.articles.length === 0) return { status: 'refused', pageKey, problem: parse.warnings.at(-1) ?? '没有找到可以识别的稿件' }
  const edition = resolveEdition(options.edition, parse.edition)
  if (!edition.ok) return { status: 'refused', pageKey, problem: edition.problems.join('；') }
  const req = await createLocalReq({ user: options.user ?? undefined }, payload)
  const inTransaction = await initTransaction(req)
  const { docs: tags } = await payload.find({ collection: 'tags', depth: 0, limit: 0, pagination: false, overrideAccess: true, req, select: { name: true } })
  const ctx: Context = { payload, req, overrideAccess: !options.user, pageKey, edition: edition.edition, images: await importableImages(options.images ?? []), tags, created: [] }
  try {
    const plan = await planPageImport(payload, text, { ...options, parse, req })
    const decided = applyDecisions(plan.articles, options.decisions)
    if (!decided.ok) {
      if (inTransaction) await killTransaction(req)
      return { status: 'refused', pageKey, problem: decided.problem, conflict: decided.status === 409 }
    }
    const results: ImportedDraft[] = []
    for (const { index, decision, existing } of decided.plans) {
      const article = parse.articles[index]
      if (decision === 'create') results.push(await createDraft(ctx, article, index))
      else if (decision === 'update' && existing?.id != null) results.push(await updateDraft(ctx, article, index, { ...existing, id: existing.id }))
      else results.push({ index, id: existing?.id ?? null, title: article.title, outcome: 'skipped', existing, needsReview: article.needsReview, warnings: [] })
    }
    const written = results.filter((result) => result.outcome !== 'skipped').length
    const skipped = results.length - written
    const warnings = [...(skipped > 0 ? [written === 0 ? `本版 ${skipped} 篇都已有稿件或被跳过，没有写入任何内容` : `跳过 ${skipped} 篇已有稿件`] : []), ...parse.warnings]
    const record = written > 0 ? await recordImport(ctx, options.file ?? { name: `${pageKey}.txt`, format: 'text' }, results, parse.unassigned, warnings) : null
    if (inTransaction) await commitTransaction(req)
    return { status: written > 0 ? 'created' : 'alreadyImported', pageKey, edition: edition.edition, articles: results, unassigned: parse.unassigned, warnings, record }
  } catch (error) {
    if (inTransaction) await killTransaction(req)
    else await undo(ctx)
    throw error
  }
}
