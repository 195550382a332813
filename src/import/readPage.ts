import { decodePage } from './decode'
import { parsePage } from './parsePage'
import type { PageParse } from './types'

export type ReadPage = { ok: true; text: string; encoding: 'utf-8' | 'gb18030'; parse: PageParse } | { ok: false; problem: string; tooLarge?: true }

/** A page file's bytes, decoded and parsed: refused when unreadable or when no article can be recognised. */
export function readPage(bytes: Uint8Array): ReadPage {
  const decoded = decodePage(bytes)
  if (!decoded.ok) return decoded
  const parse = parsePage(decoded.text)
  if (parse.articles.length === 0) return { ok: false, problem: parse.warnings.at(-1) ?? '没有找到可以识别的稿件' }
  return { ok: true, text: decoded.text, encoding: decoded.encoding, parse }
}
