import { VIEW_BEACON_MAX_BYTES, VIEW_BEACON_PATH } from '../readerViews/paths'
import { formatMegabytes, MAX_UPLOAD_BYTES } from '../uploads/limits'

const KB = 1024
const MB = 1024 * KB

/**
 * The largest request body each kind of API request may carry, checked against Content-Length
 * before a byte of the body is read: Payload parses a body before collection access runs, so
 * without this an anonymous client could make the server buffer and parse any amount.
 */
export const BODY_LIMITS = {
  /** An address, a password of at most 256 characters (up to 6 bytes each as JSON escapes), a reset token. */
  login: 8 * KB,
  /** An article page's view beacon: the article's slug. */
  beacon: VIEW_BEACON_MAX_BYTES,
  /** Readers write nothing; their GraphQL queries are a few hundred bytes. */
  anonymous: 8 * KB,
  /** Hundreds of fields with their arguments; the complexity and alias limits bound the work. */
  graphql: 256 * KB,
  /**
   * A document save (JSON, or the admin's multipart form carrying the same JSON). The seed's
   * largest article is 17 KB of JSON; a 30,000-character feature in Lexical is about 300 KB.
   */
  json: 2 * MB,
  /** Up to 20 files, base64 in JSON: pages of about 20 KB, or Word copy with its photos (WORD_LIMITS.maxBytes, 10 MB, is 13.4 MB as base64). */
  import: 16 * MB,
  /** One image at the upload limit plus the form around it (the `_payload` field, part headers). */
  upload: MAX_UPLOAD_BYTES + 1 * MB,
} as const

export type BodyLimitKind = keyof typeof BODY_LIMITS

/**
 * Next.js's `proxyClientMaxBodySize` (next.config.ts). For every request proxy.ts matches,
 * Next.js copies the body for the proxy and buffers the route's copy, up to this size each (10 MB
 * by default: 20 MB of memory per request), and cuts the body off beyond it without an error.
 * proxy.ts matches only reader pages, which take no body, and refuses any larger one.
 */
export const PROXY_BODY_COPY_LIMIT: number = BODY_LIMITS.anonymous
export const LARGEST_BODY_LIMIT = Math.max(...Object.values(BODY_LIMITS))

/** Payload's REST routes that take a password, an address to reset or a reset token. */
export const LOGIN_PATHS: ReadonlySet<string> = new Set(['/api/users/login', '/api/users/forgot-password', '/api/users/reset-password'])
const IMPORT_PATHS = new Set(['/api/import', '/api/import/preview'])
/** Collections with `upload` set (checked against the config by tests/int/security/bodyLimits.test.ts). */
export const UPLOAD_COLLECTIONS = ['photos'] as const
const UPLOAD_PATH = new RegExp(`^/api/(${UPLOAD_COLLECTIONS.join('|')})(/|$)`)
const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Payload's session cookie, or a JWT / API key: anything else is treated as a reader. */
export function isAnonymous(headers: Headers): boolean {
  return !headers.get('authorization') && !/(^|;\s*)payload-token=/.test(headers.get('cookie') ?? '')
}

/** The same request as a reader would send it: the limits for what has not proven who sent it. */
export function withoutCredentials(headers: Headers): Headers {
  const stripped = new Headers(headers)
  stripped.delete('authorization')
  stripped.delete('cookie')
  return stripped
}

export function bodyLimitFor(pathname: string, headers: Headers): BodyLimitKind {
  if (LOGIN_PATHS.has(pathname)) return 'login'
  if (pathname === VIEW_BEACON_PATH) return 'beacon'
  if (isAnonymous(headers)) return 'anonymous'
  if (pathname === '/api/graphql') return 'graphql'
  if (IMPORT_PATHS.has(pathname)) return 'import'
  if (UPLOAD_PATH.test(pathname) && (headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/')) return 'upload'
  return 'json'
}

export type BodyRefusal = { status: 411 | 413; message: string }

export function formatBytes(bytes: number): string {
  return bytes < MB ? `${Math.round(bytes / KB)} KB` : formatMegabytes(bytes)
}

/**
 * Why a request's body must not be read, or null. Node's parser never delivers more than the
 * Content-Length it announced, so checking the header bounds what can arrive. A body of unknown
 * length (chunked) is refused rather than counted: browsers send Content-Length with every
 * string, Blob and FormData body, so the admin always has one. `ceiling` caps every path,
 * pages too (proxy.ts passes PROXY_BODY_COPY_LIMIT, beyond which Next.js would cut the body).
 */
export function bodyRefusal(method: string, pathname: string, headers: Headers, ceiling = Infinity): BodyRefusal | null {
  const api = pathname.startsWith('/api/')
  if (BODYLESS_METHODS.has(method.toUpperCase()) || (!api && ceiling === Infinity)) return null
  const declared = headers.get('content-length')
  if (declared === null) {
    if (!headers.get('transfer-encoding')) return null
    return { status: 411, message: '请求须带 Content-Length 头，不接受分块传输的请求体（length required）' }
  }
  const kind = api ? bodyLimitFor(pathname, headers) : null
  const limit = Math.min(kind ? BODY_LIMITS[kind] : Infinity, ceiling)
  if (Number(declared) <= limit) return null
  const who = kind === 'anonymous' ? '未登录时' : ''
  return { status: 413, message: `请求体过大：${who}此接口最多接受 ${formatBytes(limit)}（request body too large, limit ${limit} bytes）` }
}
