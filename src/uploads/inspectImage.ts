import fs from 'node:fs/promises'

import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type'
import sharp from 'sharp'

import { displayName } from './fileNames'
import { acceptedImageFormatList, findAcceptedImageFormat, type ImageFormat, isMultiFrameFormat } from './imageFormats'
import { formatMegabytes, formatPixelCount, MAX_IMAGE_PIXELS, MAX_UPLOAD_BYTES } from './limits'

/** Payload's request file: bytes in memory, or (with `useTempFiles`) an empty buffer and a path. */
export type UploadedFile = { name?: string; data?: Buffer; tempFilePath?: string }

export type UploadProblem = {
  status: 400 | 413 | 415
  /** Stable code for API clients and logs; the message is for people. */
  reason: string
  message: string
  /** The decoder's own words, for the server log only. */
  detail?: string
}

export type InspectedImage = { format: ImageFormat; width: number; height: number; frames: number }

export type Inspection = { image: InspectedImage } | { problem: UploadProblem }

const quoted = (file: UploadedFile) => `“${displayName(file.name)}”`

export const uploadProblems = {
  fileTooLarge: (file?: UploadedFile, bytes?: number): UploadProblem => ({
    status: 413,
    reason: 'fileTooLarge',
    message:
      `图片文件过大：${file ? `${quoted(file)} ` : ''}${bytes ? `有 ${formatMegabytes(bytes)}，` : ''}` +
      `上传文件不能超过 ${formatMegabytes(MAX_UPLOAD_BYTES)}。请压缩或缩小尺寸后再上传。`,
  }),
  emptyFile: (file: UploadedFile): UploadProblem => ({
    status: 400,
    reason: 'emptyFile',
    message: `图片无法识别：${quoted(file)} 是空文件。`,
  }),
  svgNotAccepted: (file: UploadedFile): UploadProblem => ({
    status: 415,
    reason: 'svgNotAccepted',
    message: `不接受 SVG 图片：${quoted(file)} 的内容是 SVG 矢量图，SVG 可以携带脚本，本系统不接受。请导出为 PNG 或 JPEG 后再上传。`,
  }),
  unsupportedImageFormat: (file: UploadedFile, label: string): UploadProblem => ({
    status: 415,
    reason: 'unsupportedImageFormat',
    message: `图片格式不受支持：${quoted(file)} 是 ${label} 图片，只接受 ${acceptedImageFormatList}。请导出为 JPEG 后再上传。`,
  }),
  notAnImage: (file: UploadedFile, detectedMimeType?: string): UploadProblem => ({
    status: 415,
    reason: 'notAnImage',
    message:
      `图片无法识别：${quoted(file)} 的内容不是图片（${detectedMimeType ? `检测为 ${detectedMimeType}` : '无法识别的文件类型'}），` +
      `只接受 ${acceptedImageFormatList} 图片。`,
  }),
  undecodable: (file: UploadedFile, detail: string): UploadProblem => ({
    status: 400,
    reason: 'undecodableImage',
    message: `图片无法识别：${quoted(file)} 已损坏或不完整，无法解码。请重新导出或重新传输后再上传。`,
    detail,
  }),
  tooManyPixels: (file: UploadedFile, { width, height, frames }: Omit<InspectedImage, 'format'>): UploadProblem => ({
    status: 400,
    reason: 'tooManyPixels',
    message:
      `图片像素过多：${quoted(file)} 为 ${width}×${height}${frames > 1 ? `、共 ${frames} 帧` : ''}` +
      `（${formatPixelCount(width * height * frames)}），超过 ${formatPixelCount(MAX_IMAGE_PIXELS)}的上限。请缩小尺寸后再上传。`,
  }),
  remoteSourceNotAccepted: (): UploadProblem => ({
    status: 400,
    reason: 'remoteSourceNotAccepted',
    message: '不支持通过网址导入图片：服务器不会替您下载网络文件，请先下载图片，再作为文件上传。',
  }),
}

/** Enough to reach the root element past an XML declaration, a DOCTYPE and exporter comments. */
const SNIFF_BYTES = 4096
const SVG_ROOT = /^\uFEFF?\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>)\s*)*<(?:[\w-]+:)?svg[\s/>]/i
/** Decoding to a thumbnail walks every compressed byte (JPEG shrinks on load, so it stays cheap). */
const PROBE_EDGE = 64

const isInMemory = (file: UploadedFile) => !file.tempFilePath || (file.data?.length ?? 0) > 0

async function byteLength(file: UploadedFile): Promise<number> {
  if (isInMemory(file)) return file.data?.length ?? 0
  return (await fs.stat(file.tempFilePath as string)).size
}

async function leadingBytes(file: UploadedFile): Promise<Buffer> {
  if (isInMemory(file)) return (file.data ?? Buffer.alloc(0)).subarray(0, SNIFF_BYTES)
  const handle = await fs.open(file.tempFilePath as string, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

async function detectType(file: UploadedFile) {
  try {
    return isInMemory(file) ? await fileTypeFromBuffer(file.data as Buffer) : await fileTypeFromFile(file.tempFilePath as string)
  } catch {
    // file-type throws on some malformed containers; for us that is simply "not recognised".
    return undefined
  }
}

const sharpInput = (file: UploadedFile) => (isInMemory(file) ? (file.data as Buffer) : (file.tempFilePath as string))

const decoderMessage = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Header only: sharp reads dimensions and frame count without allocating pixels. */
async function readDimensions(file: UploadedFile, format: ImageFormat): Promise<Omit<InspectedImage, 'format'> | UploadProblem> {
  try {
    // No pixel limit here: the header read allocates nothing, and the dimensions are what
    // the refusal has to name.
    const { width, height, pages } = await sharp(sharpInput(file), { limitInputPixels: false }).metadata()
    if (!width || !height) return uploadProblems.undecodable(file, 'no dimensions in header')
    return { width, height, frames: isMultiFrameFormat(format) ? (pages ?? 1) : 1 }
  } catch (error) {
    return uploadProblems.undecodable(file, decoderMessage(error))
  }
}

async function decodesCompletely(file: UploadedFile, format: ImageFormat): Promise<UploadProblem | undefined> {
  try {
    // Same strictness as Payload's own conversion (sharp's default failOn), so what passes
    // here does not fail there with an untranslated "problem uploading the file".
    await sharp(sharpInput(file), { limitInputPixels: MAX_IMAGE_PIXELS, animated: isMultiFrameFormat(format) })
      .resize(PROBE_EDGE, PROBE_EDGE, { fit: 'inside' })
      .raw()
      .toBuffer()
    return undefined
  } catch (error) {
    return uploadProblems.undecodable(file, decoderMessage(error))
  }
}

/**
 * Decides what an upload is from its bytes alone: the name and the client's Content-Type are
 * whatever the sender chose. Cheap checks run first, and nothing is decoded until the header
 * has shown the pixel count is bounded.
 */
export async function inspectImage(file: UploadedFile): Promise<Inspection> {
  const bytes = await byteLength(file)
  if (bytes === 0) return { problem: uploadProblems.emptyFile(file) }
  if (bytes > MAX_UPLOAD_BYTES) return { problem: uploadProblems.fileTooLarge(file, bytes) }

  const detected = await detectType(file)
  const format = findAcceptedImageFormat(detected?.mime)
  if (!format) {
    const mayBeSvg = !detected || detected.mime === 'application/xml'
    if (mayBeSvg && SVG_ROOT.test((await leadingBytes(file)).toString('utf8'))) return { problem: uploadProblems.svgNotAccepted(file) }
    if (detected?.mime.startsWith('image/')) return { problem: uploadProblems.unsupportedImageFormat(file, detected.ext.toUpperCase()) }
    return { problem: uploadProblems.notAnImage(file, detected?.mime) }
  }

  const dimensions = await readDimensions(file, format)
  if ('reason' in dimensions) return { problem: dimensions }
  if (dimensions.width * dimensions.height * dimensions.frames > MAX_IMAGE_PIXELS) {
    return { problem: uploadProblems.tooManyPixels(file, dimensions) }
  }
  const decodeProblem = await decodesCompletely(file, format)
  if (decodeProblem) return { problem: decodeProblem }
  return { image: { format, ...dimensions } }
}
