import { EMBEDDED_OBJECT } from './blocks'
import { decodePage } from './decode'
import { parsePage } from './parsePage'
import type { PageParse } from './types'
import { LEGACY_WORD, readWordDocument, type WordImage, wordFileKind } from './word/readWordDocument'
import { withFormatting, wordCopyOf } from './word/wordCopy'

export type ReadPage =
  | { ok: true; text: string; encoding: 'utf-8' | 'gb18030'; format: 'text' | 'docx'; parse: PageParse; images: WordImage[] }
  | { ok: false; problem: string; tooLarge?: true }

/**
 * A file an editor imports, by its name and bytes: page text (UTF-8 or GB18030) or Word copy
 * (.docx), decoded and parsed. Refused only when it is not text: empty, binary, an older Word
 * or WPS file, damaged; any text at all becomes drafts, flagged where the importer is unsure.
 */
export async function readImportFile(name: string, bytes: Uint8Array): Promise<ReadPage> {
  const kind = wordFileKind(name, bytes)
  if (kind === 'legacy') return { ok: false, problem: LEGACY_WORD }
  if (kind === null) {
    const decoded = decodePage(bytes)
    if (!decoded.ok) return decoded
    return { ok: true, text: decoded.text, encoding: decoded.encoding, format: 'text', parse: parsePage(decoded.text), images: [] }
  }
  const document = await readWordDocument(bytes)
  if (!document.ok) return document
  const copy = wordCopyOf(document.blocks)
  if (!copy.text.replaceAll(EMBEDDED_OBJECT, '').trim()) return { ok: false, problem: 'Word 文档中没有文字：请确认选对了文件' }
  return { ok: true, text: copy.text, encoding: 'utf-8', format: 'docx', parse: withFormatting(parsePage(copy.text, { headlines: copy.headlines, bodyLines: copy.bodyLines, wholeParagraphs: true }), copy.formatting), images: document.images }
}
