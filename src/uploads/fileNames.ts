/**
 * Payload already keeps only the last path segment, drops C0/C1 control characters and the
 * characters Windows forbids, and appends -1, -2… when a name is taken. What it leaves through,
 * and this adds: invisible Unicode (bidi overrides that make "gpj.exe" read as "exe.jpg",
 * zero-width characters, DEL), leading dots (hidden files) and dashes (read as options by shell
 * tools), "..", characters that change a URL's meaning (# %), a length that still fits the
 * filesystem once Payload appends "-1600x1000.webp", and Windows device names, which Payload
 * turns into an empty name (".webp").
 */

/** About 40 Chinese characters or 120 Latin ones; filesystems cap a name at 255 bytes. */
const MAX_BASE_NAME_BYTES = 120
const FALLBACK_BASE_NAME = 'photo'

const INVISIBLE_OR_CONTROL = /\p{C}/gu
const UNSAFE_IN_NAME_OR_URL = /[\\/:*?"<>|#%]/g
const WHITESPACE_RUN = /\s+/gu
const DOT_RUN = /\.{2,}/g
const DASH_RUN = /-{2,}/g
const LEADING_JUNK = /^[.-]+/
const TRAILING_JUNK = /[.-]+$/
const EXTENSION = /\.[a-z0-9]{1,5}$/i
const WINDOWS_DEVICE_NAME = /^(con|prn|aux|nul|com\d|lpt\d)$/i

function lastPathSegment(name: string): string {
  const segments = name.split(/[/\\]/)
  return segments[segments.length - 1]
}

function truncateToBytes(text: string, maxBytes: number): string {
  let result = ''
  let bytes = 0
  for (const character of text) {
    bytes += Buffer.byteLength(character)
    if (bytes > maxBytes) break
    result += character
  }
  return result
}

const trimJunk = (text: string) => text.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '')

/** The readable part of an uploaded file's name, without its extension, safe to store and link to. */
export function safeBaseName(originalName: string | undefined): string {
  const cleaned = lastPathSegment((originalName ?? '').normalize('NFC'))
    .replace(EXTENSION, '')
    .replace(INVISIBLE_OR_CONTROL, '')
    .replace(UNSAFE_IN_NAME_OR_URL, '-')
    .replace(WHITESPACE_RUN, '-')
    .replace(DOT_RUN, '.')
    .replace(DASH_RUN, '-')
  const base = trimJunk(truncateToBytes(trimJunk(cleaned), MAX_BASE_NAME_BYTES))
  if (!base) return FALLBACK_BASE_NAME
  return WINDOWS_DEVICE_NAME.test(base) ? `${base}-${FALLBACK_BASE_NAME}` : base
}

/** The name to store: the cleaned base with the extension of what the bytes really are. */
export const safeFileName = (originalName: string | undefined, extension: string) => `${safeBaseName(originalName)}.${extension}`

/** The name as the uploader knows it, stripped of anything that could disguise it in a message. */
export function displayName(originalName: string | undefined): string {
  const visible = lastPathSegment((originalName ?? '').normalize('NFC')).replace(INVISIBLE_OR_CONTROL, '').trim()
  return truncateToBytes(visible, MAX_BASE_NAME_BYTES) || '（未命名文件）'
}
