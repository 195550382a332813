import type { Endpoint, PayloadRequest } from 'payload'

import { isEditorialUser, isStaffUser } from '../access/roles'
import { importPage } from './importPage'
import { type ReadPage, readPage } from './readPage'

/** Files as the admin's upload view sends them: name and base64 content. */
type UploadedFile = { name: string; content: string }

export type FilePreview = { name: string } & ReadPage

const MAX_FILES = 20

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

function preview(file: UploadedFile): FilePreview {
  return { name: file.name, ...readPage(new Uint8Array(Buffer.from(file.content, 'base64'))) }
}

const refuse = (status: number, message: string) => Response.json({ errors: [{ message }] }, { status })

/** POST /api/import/preview — what importing these files would create; writes nothing. */
export const importPreviewEndpoint: Endpoint = {
  path: '/import/preview',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) return refuse(401, '请先登录采编账号')
    const read = await readFiles(req)
    if ('problem' in read) return refuse(400, read.problem)
    // The page text goes back only as the parse: the editor already has the file.
    return Response.json({ files: read.files.map((file) => ({ ...preview(file), text: undefined })) })
  },
}

/**
 * POST /api/import — imports the files' pages as drafts (each page all or nothing). Editors
 * only: an import may create columns and bylines, which only editors maintain.
 */
export const importEndpoint: Endpoint = {
  path: '/import',
  method: 'post',
  handler: async (req) => {
    if (!isStaffUser(req.user)) return refuse(401, '请先登录采编账号')
    if (!isEditorialUser(req.user)) return refuse(403, '只有编辑可以导入版面（可以先预览）')
    const read = await readFiles(req)
    if ('problem' in read) return refuse(400, read.problem)
    const results = []
    for (const file of read.files) {
      const previewed = preview(file)
      if (!previewed.ok) {
        results.push({ name: file.name, status: 'refused', problem: previewed.problem })
        continue
      }
      try {
        results.push({ name: file.name, ...(await importPage(req.payload, previewed.text, { user: req.user, parse: previewed.parse })) })
      } catch (error) {
        req.payload.logger.error({ err: error, msg: `导入 ${file.name} 失败` })
        results.push({ name: file.name, status: 'refused', problem: `导入失败，本版没有写入任何稿件：${(error as Error).message}` })
      }
    }
    return Response.json({ files: results })
  },
}
