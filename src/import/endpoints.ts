import type { Endpoint, PayloadRequest } from 'payload'

import { mayReadArticle } from '@/access/articles'
import { can, rolesWith } from '@/access/permissions'
import { isStaffUser } from '@/access/roles'
import { applyDecisions, type ArticlePlan } from './decisions'
import type { Edition, PageEdition } from './edition'
import { importPage, type PageImport, planPageImport } from './importPage'
import { type ImportFindings, pageFindings } from './pageFindings'
import { readImportFile } from './readPage'
import type { WordImage } from './word/readWordDocument'
import type { PageParse } from './types'

/**
 * Files as the admin's upload view sends them: name and base64 content, and, once the
 * editor has seen a preview, the edition they confirmed and their choice per article.
 */
type UploadedFile = { name: string; content: string; edition?: unknown; decisions?: unknown }

/** One file's preview: the parse, the edition (what the page says, what the import would write) and each article's plan with the 校对 checker's findings. */
export type FilePreview = {
  name: string
  encoding: 'utf-8' | 'gb18030'
  /** Added field: page text, or Word copy (.docx). */
  format: 'text' | 'docx'
  parse: PageParse
  edition: { fromPage: PageEdition; value: Edition | null; missing: (keyof Edition)[] }
  articles: (ArticlePlan & { proofreading: ImportFindings })[]
}

const MAX_FILES = 20

const refuse = (status: number, messages: string | string[]) => Response.json({ errors: [messages].flat().map((message) => ({ message })) }, { status })

async function readFiles(req: PayloadRequest): Promise<{ files: UploadedFile[] } | { problem: string }> {
  let body: unknown
  try {
    body = await req.json?.()
  } catch {
    return { problem: '请求格式错误：应为 JSON' }
  }
  const files = (body as { files?: unknown })?.files
  if (!Array.isArray(files) || files.length === 0) return { problem: '请选择至少一个版面文本文件' }
  if (files.length > MAX_FILES) return { problem: `一次最多导入 ${MAX_FILES} 个文件` }
  if (!files.every((file) => file && typeof file.name === 'string' && typeof file.content === 'string')) return { problem: '文件数据不完整' }
  return { files: files as UploadedFile[] }
}

type ReadFile = UploadedFile & { text: string; encoding: FilePreview['encoding']; format: FilePreview['format']; parse: PageParse; images: WordImage[] }

/**
 * Every file decoded and parsed, or the request refused as a whole, naming each file that is
 * not a page (413 when one is too large): a bad file never leaves the others half-imported.
 */
async function readAll(files: UploadedFile[]): Promise<{ files: ReadFile[] } | { refusal: Response }> {
  const read = []
  // One file after another: a Word document is read in a worker, and a request of twenty takes two cores, not twenty.
  for (const file of files) read.push({ file, page: await readImportFile(file.name, new Uint8Array(Buffer.from(file.content, 'base64'))) })
  const unreadable = read.flatMap(({ file, page }) => (page.ok ? [] : [{ name: file.name, problem: page.problem, tooLarge: page.tooLarge }]))
  if (unreadable.length > 0) {
    const status = unreadable.some((file) => file.tooLarge) ? 413 : 400
    return { refusal: refuse(status, unreadable.map((file) => `${file.name}：${file.problem}`)) }
  }
  return { files: read.flatMap(({ file, page }) => (page.ok ? [{ ...file, text: page.text, encoding: page.encoding, format: page.format, parse: page.parse, images: page.images }] : [])) }
}

/** A journalist may preview, but learns of an article they may not read only that it exists: no title, no link. */
async function visibleTo(req: PayloadRequest, plans: ArticlePlan[]): Promise<ArticlePlan[]> {
  if (can(req.user, 'importPages')) return plans
  return Promise.all(
    plans.map(async (plan) => (plan.existing?.id != null && !(await mayReadArticle(req, plan.existing.id)) ? { ...plan, existing: { ...plan.existing, id: null, title: '（您无权查看的稿件）' } } : plan)),
  )
}

/** Each draft written with how many 差错 and 提示 the 校对 checker finds in it: the 校对 panel lists them on the draft. */
async function withFindingCounts(req: PayloadRequest, parse: PageParse, imported: PageImport): Promise<PageImport> {
  if (imported.status === 'refused') return imported
  const findings = await pageFindings(req, parse.articles)
  return { ...imported, articles: imported.articles.map((article) => (article.outcome === 'skipped' ? article : { ...article, proofreading: { errors: findings[article.index].errors, warnings: findings[article.index].warnings } })) }
}

/** POST /api/import/preview — what importing these files would do, article by article; writes nothing. */
export const importPreviewEndpoint: Endpoint = {
  path: '/import/preview',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) return refuse(401, '请先登录采编账号')
    const body = await readFiles(req)
    if ('problem' in body) return refuse(400, body.problem)
    const read = await readAll(body.files)
    if ('refusal' in read) return read.refusal
    const previews: FilePreview[] = []
    const problems: string[] = []
    for (const file of read.files) {
      const plan = await planPageImport(req.payload, file.text, { parse: file.parse, edition: file.edition })
      // A field not filled in yet is what the preview asks for; a field filled in wrongly is bad input.
      if (!plan.edition.ok) problems.push(...plan.edition.invalid.map((problem) => `${file.name}：${problem}`))
      const edition = plan.edition.ok ? { value: plan.edition.edition, missing: [] } : { value: null, missing: plan.edition.missing }
      const findings = await pageFindings(req, file.parse.articles)
      const articles = (await visibleTo(req, plan.articles)).map((article) => ({ ...article, proofreading: findings[article.index] }))
      // The page text goes back only as the parse: the editor already has the file.
      previews.push({ name: file.name, encoding: file.encoding, format: file.format, parse: file.parse, edition: { fromPage: file.parse.edition, ...edition }, articles })
    }
    if (problems.length > 0) return refuse(400, problems)
    return Response.json({ files: previews })
  },
}

/**
 * POST /api/import — imports the files' pages as the editor decided (each page all or nothing).
 * Editors only: an import may create columns and bylines, which only editors maintain. Every
 * file is checked first (readable, its edition complete, its choices possible), so a refused
 * request writes nothing at all.
 */
export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) return refuse(401, '请先登录采编账号')
    if (!can(req.user, 'importPages')) return refuse(403, `只有${rolesWith('importPages')}可以导入版面（可以先预览）`)
    const body = await readFiles(req)
    if ('problem' in body) return refuse(400, body.problem)
    const read = await readAll(body.files)
    if ('refusal' in read) return read.refusal
    const refusals: { status: 400 | 409; message: string }[] = []
    for (const file of read.files) {
      const plan = await planPageImport(req.payload, file.text, { parse: file.parse, edition: file.edition })
      if (!plan.edition.ok) refusals.push(...plan.edition.problems.map((problem) => ({ status: 400 as const, message: `${file.name}：${problem}` })))
      const decided = applyDecisions(plan.articles, file.decisions)
      if (!decided.ok) refusals.push({ status: decided.status, message: `${file.name}：${decided.problem}` })
    }
    if (refusals.length > 0) return refuse(refusals.some((refusal) => refusal.status === 400) ? 400 : 409, refusals.map((refusal) => refusal.message))
    const results = []
    for (const file of read.files) {
      try {
        const imported = await importPage(req.payload, file.text, { user: req.user, parse: file.parse, images: file.images, file: { name: file.name, format: file.format }, edition: file.edition, decisions: file.decisions })
        results.push({ name: file.name, ...(await withFindingCounts(req, file.parse, imported)) })
      } catch (error) {
        req.payload.logger.error({ err: error, msg: `导入 ${file.name} 失败` })
        results.push({ name: file.name, status: 'refused', problem: `导入失败，本版没有写入任何稿件：${(error as Error).message}` })
      }
    }
    return Response.json({ files: results })
  },
}
