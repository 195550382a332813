import path from 'node:path'
import { Worker } from 'node:worker_threads'

import yauzl from 'yauzl'

import { formatMegabytes } from '@/uploads/limits'
import type { TextMark } from '../types'

/**
 * Word copy (.docx) → the blocks a journalist typed: headings, paragraphs, list items, table
 * rows and images, with bold and italic spans. The zip is checked first (a zip bomb is refused
 * before anything is kept in memory), then mammoth reads the document in a worker thread
 * with memory and time limits (src/import/word/wordWorker.cjs), so no document, however large
 * or malformed, holds the event loop or takes the server's memory.
 */
export const WORD_LIMITS = {
  /** A story of 10,000 characters with a dozen camera photos; base64 in JSON it fits the import body limit. */
  maxBytes: 10 * 1024 * 1024,
  maxEntries: 2_000,
  /** What the zip may inflate to in all: the document, its styles and its images. */
  maxUnpackedBytes: 200 * 1024 * 1024,
  /** Text compresses about 10:1 and photos hardly at all; hundreds to one is a bomb. */
  maxEntryRatio: 200,
  maxImages: 60,
  maxImageBytes: 20 * 1024 * 1024,
  workerHeapMb: 384,
  timeoutMs: 20_000,
  /** Documents read at once; the rest wait their turn (two cores). */
  concurrency: 2,
} as const

export type WordBlock =
  | { kind: 'heading'; level: number; text: string; marks: TextMark[] }
  | { kind: 'paragraph' | 'tableRow'; text: string; marks: TextMark[] }
  | { kind: 'listItem'; text: string; marks: TextMark[]; ordered: boolean; number: number; depth: number }
  /** `index` into the document's images; null past WORD_LIMITS.maxImages. */
  | { kind: 'image'; index: number | null }
/** `data` is null for an image over WORD_LIMITS.maxImageBytes (its caption is still imported). */
export type WordImage = { contentType: string | null; altText: string | null; data: Buffer | null }
export type WordDocument = { ok: true; blocks: WordBlock[]; images: WordImage[] } | { ok: false; problem: string; tooLarge?: true }

const DAMAGED = '文件已损坏，无法作为 Word 文档（.docx）读取：请在 Word 或 WPS 中打开并重新保存为 .docx'
export const LEGACY_WORD = '这是旧版 Word（.doc）或 WPS（.wps）文件，无法直接导入：请在 Word 或 WPS 中“另存为”Word 文档（.docx）后再导入'

const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04]
const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte)

/** What a file named so with these bytes is: Word copy, an older Word or WPS file, or (null) text. */
export function wordFileKind(name: string, bytes: Uint8Array): 'docx' | 'legacy' | null {
  if (startsWith(bytes, OLE_SIGNATURE) || /\.(?:doc|wps|dot|wpt)$/i.test(name)) return 'legacy'
  if (/\.docx$/i.test(name) || startsWith(bytes, ZIP_SIGNATURE)) return 'docx'
  return null
}

/** The zip's directory and each entry's true size, before mammoth sees it: null when it is a plausible Word document. */
async function zipProblem(bytes: Buffer): Promise<{ problem: string; tooLarge?: true } | null> {
  const zip = await new Promise<yauzl.ZipFile | null>((resolve) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => resolve(error ? null : file)))
  if (!zip) return { problem: DAMAGED }
  return new Promise((resolve) => {
    let entries = 0
    let unpacked = 0
    let hasDocument = false
    let done = false
    const finish = (result: { problem: string; tooLarge?: true } | null) => {
      if (done) return
      done = true
      zip.close()
      resolve(result)
    }
    const bomb = (why: string) => finish({ tooLarge: true, problem: `${why}：疑似压缩炸弹，已拒绝` })
    zip.on('error', () => finish({ problem: DAMAGED }))
    zip.on('entry', (entry: yauzl.Entry) => {
      entries += 1
      unpacked += entry.uncompressedSize
      if (entry.fileName === 'word/document.xml') hasDocument = true
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
      if (entries > WORD_LIMITS.maxEntries) return bomb(`压缩包内文件超过 ${WORD_LIMITS.maxEntries} 个`)
      if (unpacked > WORD_LIMITS.maxUnpackedBytes) return bomb(`解压后超过 ${formatMegabytes(WORD_LIMITS.maxUnpackedBytes)}`)
      if (entry.uncompressedSize > 1024 * 1024 && ratio > WORD_LIMITS.maxEntryRatio) return bomb(`其中“${entry.fileName}”压缩比达 ${Math.round(ratio)}:1`)
      // Inflated and thrown away (in zlib's thread pool, off the event loop): yauzl stops a stream
      // the moment it yields more than the directory declared, so a directory that lies is caught here.
      zip.openReadStream(entry, (error, stream) => {
        if (error) return finish({ problem: DAMAGED })
        // yauzl's words for an entry that inflates past its declared size; anything else is damage.
        stream.on('error', (streamError: Error) =>
          /too many bytes/.test(streamError.message) ? bomb(`其中“${entry.fileName}”解压后比目录所记的大`) : finish({ problem: DAMAGED }),
        )
        stream.on('end', () => zip.readEntry())
        stream.resume()
      })
    })
    zip.on('end', () => finish(hasDocument ? null : { problem: '这个压缩包不是 Word 文档（缺少 word/document.xml）：请上传 .docx 文件' }))
    zip.readEntry()
  })
}

let running = 0
const waiting: (() => void)[] = []
async function inTurn<T>(work: () => Promise<T>): Promise<T> {
  if (running >= WORD_LIMITS.concurrency) await new Promise<void>((resolve) => waiting.push(resolve))
  running += 1
  try {
    return await work()
  } finally {
    running -= 1
    waiting.shift()?.()
  }
}

type WorkerReply = { ok: true; blocks: WordBlock[]; images: (WordImage & { data: Uint8Array | null })[] } | { ok: false; error: string }

function readInWorker(bytes: Buffer): Promise<WordDocument> {
  return new Promise((resolve) => {
    // Bundlers move modules but not a worker's file: Node loads it from the source tree.
    const worker = new Worker(path.join(process.cwd(), 'src/import/word/wordWorker.cjs'), {
      workerData: { bytes, maxImages: WORD_LIMITS.maxImages, maxImageBytes: WORD_LIMITS.maxImageBytes },
      resourceLimits: { maxOldGenerationSizeMb: WORD_LIMITS.workerHeapMb },
    })
    let settled = false
    const settle = (result: WordDocument) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      resolve(result)
    }
    const timer = setTimeout(() => settle({ ok: false, tooLarge: true, problem: `读取 Word 文档超过 ${WORD_LIMITS.timeoutMs / 1000} 秒仍未完成：文件过于复杂或已损坏，请另存为 .docx 或拆分后再导入` }), WORD_LIMITS.timeoutMs)
    worker.on('message', (reply: WorkerReply) => {
      if (!reply.ok) return settle({ ok: false, problem: DAMAGED })
      settle({ ok: true, blocks: reply.blocks, images: reply.images.map((image) => ({ ...image, data: image.data ? Buffer.from(image.data) : null })) })
    })
    worker.on('error', (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, tooLarge: true, problem: '文件解压后内容过大，无法读取：请拆分文档或压缩其中的图片后再导入' } : { ok: false, problem: DAMAGED }),
    )
    worker.on('exit', () => settle({ ok: false, problem: DAMAGED }))
  })
}

/** A .docx file's bytes → its blocks and images, or a refusal that says what to do. */
export async function readWordDocument(bytes: Uint8Array): Promise<WordDocument> {
  if (bytes.length === 0) return { ok: false, problem: '文件为空：没有任何内容' }
  if (bytes.length > WORD_LIMITS.maxBytes) return { ok: false, tooLarge: true, problem: `Word 文档过大（${formatMegabytes(bytes.length)}）：一篇稿件不超过 ${formatMegabytes(WORD_LIMITS.maxBytes)}，请压缩其中的图片后再导入` }
  if (!startsWith(bytes, ZIP_SIGNATURE)) return { ok: false, problem: DAMAGED }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const problem = await zipProblem(buffer)
  if (problem) return { ok: false, ...problem }
  return inTurn(() => readInWorker(buffer))
}
