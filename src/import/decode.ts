/**
 * Bytes of a page file → text, or a refusal an editor can act on. Page text comes as UTF-8
 * or, from older page systems, GB18030/GBK; anything else is refused rather than guessed.
 */
export const PAGE_LIMITS = { maxBytes: 2 * 1024 * 1024, maxLineChars: 5_000 } as const

/** `tooLarge` lets the API answer 413 rather than 400. */
export type DecodedPage = { ok: true; text: string; encoding: 'utf-8' | 'gb18030' } | { ok: false; problem: string; tooLarge?: true }

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function controlShare(bytes: Uint8Array): number {
  let control = 0
  for (const byte of bytes) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control += 1
  return control / Math.max(1, bytes.length)
}

export const UNKNOWN_ENCODING = '无法识别的文字编码：既不是有效的 UTF-8，也不是 GB18030/GBK。请用“另存为 UTF-8”重新导出'

/** UTF-8, else GB18030 (which GBK and GB2312 are subsets of), without a byte-order mark; null for neither. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } | null {
  for (const encoding of ['utf-8', 'gb18030'] as const) {
    try {
      return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''), encoding }
    } catch {
      // not this encoding: try the next
    }
  }
  return null
}

export function decodePage(bytes: Uint8Array): DecodedPage {
  if (bytes.length === 0) return { ok: false, problem: '文件为空：没有任何内容' }
  if (bytes.length > PAGE_LIMITS.maxBytes) return { ok: false, tooLarge: true, problem: `文件过大（${megabytes(bytes.length)}）：一个版面的文本不超过 ${megabytes(PAGE_LIMITS.maxBytes)}，请检查是否选错了文件` }
  if (bytes.includes(0) || controlShare(bytes) > 0.01) return { ok: false, problem: '不是文本文件：含有二进制内容（如图片或 PDF）。请导入版面文本（.txt）或 Word 文档（.docx）' }
  const decoded = decodeText(bytes)
  if (!decoded) return { ok: false, problem: UNKNOWN_ENCODING }
  const { text, encoding } = decoded
  if (!text.trim()) return { ok: false, problem: '文件为空：只有空白字符' }
  const lines = text.split(/\r\n?|\n/)
  const longest = lines.reduce((best, line, index) => (line.length > best.length ? { length: line.length, index } : best), { length: 0, index: 0 })
  if (longest.length > PAGE_LIMITS.maxLineChars) return { ok: false, problem: `第 ${longest.index + 1} 行长达 ${longest.length} 字，不像版面文本（可能整页没有换行，或不是文字稿）` }
  // Decoded text that is mostly replacement or private-use characters is not page text either.
  const strange = (text.match(/[\uFFFD\uE000-\uF8FF]/g) ?? []).length
  if (strange > 20 && strange / text.length > 0.05) return { ok: false, problem: '文件中有大量无法显示的字符：可能不是文字稿，或编码有误' }
  return { ok: true, text, encoding }
}
